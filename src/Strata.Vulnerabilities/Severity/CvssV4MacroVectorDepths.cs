namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// The data the CVSS v4.0 interpolation needs beside the MacroVector scores, as the scoring section of FIRST's v4.0
/// specification and its reference calculator define them: each metric value's severity level, the highest-severity
/// vectors of every equivalence-class level, and each level's depth (its largest severity distance, plus one step).
/// </summary>
internal static class CvssV4MacroVectorDepths
{
    /// <summary>Severity levels in steps of 0.1, 0 the most severe. SC has no S value, so it starts at 0.1.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Levels =
        new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            ["AV"] = Values(("N", 0.0), ("A", 0.1), ("L", 0.2), ("P", 0.3)),
            ["PR"] = Values(("N", 0.0), ("L", 0.1), ("H", 0.2)),
            ["UI"] = Values(("N", 0.0), ("P", 0.1), ("A", 0.2)),
            ["AC"] = Values(("L", 0.0), ("H", 0.1)),
            ["AT"] = Values(("N", 0.0), ("P", 0.1)),
            ["VC"] = Values(("H", 0.0), ("L", 0.1), ("N", 0.2)),
            ["VI"] = Values(("H", 0.0), ("L", 0.1), ("N", 0.2)),
            ["VA"] = Values(("H", 0.0), ("L", 0.1), ("N", 0.2)),
            ["SC"] = Values(("H", 0.1), ("L", 0.2), ("N", 0.3)),
            ["SI"] = Values(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3)),
            ["SA"] = Values(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3)),
            ["CR"] = Values(("H", 0.0), ("M", 0.1), ("L", 0.2)),
            ["IR"] = Values(("H", 0.0), ("M", 0.1), ("L", 0.2)),
            ["AR"] = Values(("H", 0.0), ("M", 0.1), ("L", 0.2)),
            ["E"] = Values(("A", 0.0), ("P", 0.1), ("U", 0.2)),
        };

    /// <summary>EQ1's highest-severity vectors by level.</summary>
    public static readonly string[][] Eq1Highest =
    [
        ["AV:N/PR:N/UI:N"],
        ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"],
        ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
    ];

    /// <summary>EQ2's highest-severity vectors by level.</summary>
    public static readonly string[][] Eq2Highest =
    [
        ["AC:L/AT:N"],
        ["AC:H/AT:N", "AC:L/AT:P"],
    ];

    /// <summary>EQ3 and EQ6 together (they are scored jointly): the highest-severity vectors by EQ3 level, then EQ6 level.</summary>
    public static readonly string[][][] Eq3Eq6Highest =
    [
        [
            ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
            ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        ],
        [
            ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            [
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            ],
        ],
        [
            [],
            ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
        ],
    ];

    /// <summary>EQ4's highest-severity vectors by level.</summary>
    public static readonly string[][] Eq4Highest =
    [
        ["SC:H/SI:S/SA:S"],
        ["SC:H/SI:H/SA:H"],
        ["SC:L/SI:L/SA:L"],
    ];

    /// <summary>EQ5's highest-severity vectors by level.</summary>
    public static readonly string[][] Eq5Highest =
    [
        ["E:A"],
        ["E:P"],
        ["E:U"],
    ];

    /// <summary>The depth of each EQ1 level, in steps.</summary>
    public static readonly int[] Eq1Depth = [1, 4, 5];

    /// <summary>The depth of each EQ2 level, in steps.</summary>
    public static readonly int[] Eq2Depth = [1, 2];

    /// <summary>The depth of each EQ3 and EQ6 level pair, in steps (EQ3 level 2 exists only with EQ6 level 1).</summary>
    public static readonly int[][] Eq3Eq6Depth = [[7, 6], [8, 8], [0, 10]];

    /// <summary>The depth of each EQ4 level, in steps.</summary>
    public static readonly int[] Eq4Depth = [6, 5, 4];

    private static Dictionary<string, double> Values(params (string Value, double Level)[] values) =>
        values.ToDictionary(v => v.Value, v => v.Level, StringComparer.Ordinal);
}
