namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// The CVSS v3.0 and v3.1 base score, by the formulas of section 7.1 of FIRST's v3.1 specification (the base formulas of
/// v3.0 are the same; only its rounding differs). Temporal and environmental metrics are checked but do not change the
/// base score.
/// </summary>
public static class CvssV3
{
    private static readonly (string Metric, string[] Values)[] Metrics =
    [
        ("AV", ["N", "A", "L", "P"]),
        ("AC", ["L", "H"]),
        ("PR", ["N", "L", "H"]),
        ("UI", ["N", "R"]),
        ("S", ["U", "C"]),
        ("C", ["H", "L", "N"]),
        ("I", ["H", "L", "N"]),
        ("A", ["H", "L", "N"]),
        ("E", ["X", "H", "F", "P", "U"]),
        ("RL", ["X", "U", "W", "T", "O"]),
        ("RC", ["X", "C", "R", "U"]),
        ("CR", ["X", "H", "M", "L"]),
        ("IR", ["X", "H", "M", "L"]),
        ("AR", ["X", "H", "M", "L"]),
        ("MAV", ["X", "N", "A", "L", "P"]),
        ("MAC", ["X", "L", "H"]),
        ("MPR", ["X", "N", "L", "H"]),
        ("MUI", ["X", "N", "R"]),
        ("MS", ["X", "U", "C"]),
        ("MC", ["X", "H", "L", "N"]),
        ("MI", ["X", "H", "L", "N"]),
        ("MA", ["X", "H", "L", "N"]),
    ];

    private static readonly string[] BaseMetrics = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    /// <summary>The base score of a <c>CVSS:3.0/...</c> or <c>CVSS:3.1/...</c> vector, or null when the vector is not a valid one.</summary>
    public static double? BaseScore(string? vector)
    {
        var version = vector?.TrimStart() switch
        {
            { } v when v.StartsWith("CVSS:3.1/", StringComparison.Ordinal) => "CVSS:3.1",
            { } v when v.StartsWith("CVSS:3.0/", StringComparison.Ordinal) => "CVSS:3.0",
            _ => null,
        };
        if (version is null)
        {
            return null;
        }
        // The specification lets the metrics come in any order (v3.1 section 6).
        var metrics = CvssVectorParser.Parse(vector, version, Metrics, BaseMetrics, inOrder: false);
        if (metrics is null)
        {
            return null;
        }
        var raw = RawBaseScore(metrics);
        if (raw is null)
        {
            return 0.0;
        }
        return version == "CVSS:3.1" ? Roundup31(raw.Value) : Roundup30(raw.Value);
    }

    /// <summary>The base score before rounding, or null when the impact is nil (the base score is then 0).</summary>
    private static double? RawBaseScore(IReadOnlyDictionary<string, string> metrics)
    {
        var scopeChanged = metrics["S"] == "C";
        var impactSubScore = 1 - ((1 - Impact(metrics["C"])) * (1 - Impact(metrics["I"])) * (1 - Impact(metrics["A"])));
        var impact = scopeChanged
            ? (7.52 * (impactSubScore - 0.029)) - (3.25 * Math.Pow(impactSubScore - 0.02, 15))
            : 6.42 * impactSubScore;
        var exploitability = 8.22 * AttackVector(metrics["AV"]) * AttackComplexity(metrics["AC"])
            * PrivilegesRequired(metrics["PR"], scopeChanged) * UserInteraction(metrics["UI"]);
        if (impact <= 0)
        {
            return null;
        }
        return scopeChanged ? Math.Min(1.08 * (impact + exploitability), 10) : Math.Min(impact + exploitability, 10);
    }

    /// <summary>
    /// CVSS v3.1's Roundup (appendix A): the smallest number with one decimal that is not below the input, computed on an
    /// integer so that a float such as 4.000000000000001 rounds to 4.0 and not to 4.1.
    /// </summary>
    internal static double Roundup31(double value)
    {
        var hundredThousandths = (long)Math.Round(value * 100_000, MidpointRounding.AwayFromZero);
        return hundredThousandths % 10_000 == 0
            ? hundredThousandths / 100_000.0
            : (Math.Floor(hundredThousandths / 10_000.0) + 1) / 10.0;
    }

    /// <summary>CVSS v3.0's round up: the plain ceiling to one decimal, as v3.0 defines it, float errors included.</summary>
    internal static double Roundup30(double value) => Math.Ceiling(value * 10) / 10;

    private static double AttackVector(string value) => value switch
    {
        "N" => 0.85,
        "A" => 0.62,
        "L" => 0.55,
        _ => 0.2,
    };

    private static double AttackComplexity(string value) => value == "L" ? 0.77 : 0.44;

    private static double PrivilegesRequired(string value, bool scopeChanged) => value switch
    {
        "N" => 0.85,
        "L" => scopeChanged ? 0.68 : 0.62,
        _ => scopeChanged ? 0.5 : 0.27,
    };

    private static double UserInteraction(string value) => value == "N" ? 0.85 : 0.62;

    private static double Impact(string value) => value switch
    {
        "H" => 0.56,
        "L" => 0.22,
        _ => 0,
    };
}
