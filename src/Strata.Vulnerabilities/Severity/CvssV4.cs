using Depths = Strata.Vulnerabilities.Severity.CvssV4MacroVectorDepths;

namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// The CVSS v4.0 base score (CVSS-B), by the method of FIRST's v4.0 specification: the vector's MacroVector (its six
/// equivalence classes EQ1..EQ6) gives a score from FIRST's table, from which the vector's severity distance to the
/// MacroVector's highest-severity vector is subtracted, in proportion to the score drop to the next lower MacroVector.
/// Threat, environmental and supplemental metrics are checked but ignored: the base score takes the specification's
/// defaults for them (E:A, CR/IR/AR:H, no modified metrics).
/// </summary>
public static class CvssV4
{
    private const string Prefix = "CVSS:4.0";
    private const double Step = 0.1;

    private static readonly (string Metric, string[] Values)[] Metrics =
    [
        ("AV", ["N", "A", "L", "P"]),
        ("AC", ["L", "H"]),
        ("AT", ["N", "P"]),
        ("PR", ["N", "L", "H"]),
        ("UI", ["N", "P", "A"]),
        ("VC", ["H", "L", "N"]),
        ("VI", ["H", "L", "N"]),
        ("VA", ["H", "L", "N"]),
        ("SC", ["H", "L", "N"]),
        ("SI", ["H", "L", "N"]),
        ("SA", ["H", "L", "N"]),
        ("E", ["X", "A", "P", "U"]),
        ("CR", ["X", "H", "M", "L"]),
        ("IR", ["X", "H", "M", "L"]),
        ("AR", ["X", "H", "M", "L"]),
        ("MAV", ["X", "N", "A", "L", "P"]),
        ("MAC", ["X", "L", "H"]),
        ("MAT", ["X", "N", "P"]),
        ("MPR", ["X", "N", "L", "H"]),
        ("MUI", ["X", "N", "P", "A"]),
        ("MVC", ["X", "H", "L", "N"]),
        ("MVI", ["X", "H", "L", "N"]),
        ("MVA", ["X", "H", "L", "N"]),
        ("MSC", ["X", "H", "L", "N"]),
        ("MSI", ["X", "S", "H", "L", "N"]),
        ("MSA", ["X", "S", "H", "L", "N"]),
        ("S", ["X", "N", "P"]),
        ("AU", ["X", "N", "Y"]),
        ("R", ["X", "A", "U", "I"]),
        ("V", ["X", "D", "C"]),
        ("RE", ["X", "L", "M", "H"]),
        ("U", ["X", "Clear", "Green", "Amber", "Red"]),
    ];

    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    private static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    /// <summary>The CVSS-B score of a <c>CVSS:4.0/...</c> vector, or null when the vector is not a valid one.</summary>
    public static double? BaseScore(string? vector)
    {
        // The v4.0 specification requires the metrics in its order, as FIRST's calculator checks.
        var metrics = CvssVectorParser.Parse(vector, Prefix, Metrics, BaseMetrics, inOrder: true);
        return metrics is null ? null : Score(BaseValues(metrics));
    }

    /// <summary>The MacroVector of a valid v4.0 vector's base metrics, such as <c>000200</c>; null for an invalid vector.</summary>
    public static string? MacroVector(string? vector)
    {
        var metrics = CvssVectorParser.Parse(vector, Prefix, Metrics, BaseMetrics, inOrder: true);
        return metrics is null ? null : string.Concat(EquivalenceClasses(BaseValues(metrics)));
    }

    /// <summary>The base metrics, with the threat and environmental metrics at the values the specification assumes when they are not set.</summary>
    private static Dictionary<string, string> BaseValues(IReadOnlyDictionary<string, string> metrics)
    {
        var values = BaseMetrics.ToDictionary(m => m, m => metrics[m], StringComparer.Ordinal);
        values["E"] = "A";
        values["CR"] = "H";
        values["IR"] = "H";
        values["AR"] = "H";
        return values;
    }

    private static int[] EquivalenceClasses(IReadOnlyDictionary<string, string> m)
    {
        bool Is(string metric, string value) => m[metric] == value;

        var eq1 = (Is("AV", "N") && Is("PR", "N") && Is("UI", "N")) ? 0
            : ((Is("AV", "N") || Is("PR", "N") || Is("UI", "N")) && !Is("AV", "P")) ? 1
            : 2;
        var eq2 = Is("AC", "L") && Is("AT", "N") ? 0 : 1;
        var eq3 = (Is("VC", "H") && Is("VI", "H")) ? 0
            : (Is("VC", "H") || Is("VI", "H") || Is("VA", "H")) ? 1
            : 2;
        // Level 0 needs a modified subsequent-system value of S (safety), which a base vector cannot have.
        var eq4 = (Is("SI", "S") || Is("SA", "S")) ? 0
            : (Is("SC", "H") || Is("SI", "H") || Is("SA", "H")) ? 1
            : 2;
        var eq5 = m["E"] switch
        {
            "A" => 0,
            "P" => 1,
            _ => 2,
        };
        var eq6 = ((Is("CR", "H") && Is("VC", "H")) || (Is("IR", "H") && Is("VI", "H")) || (Is("AR", "H") && Is("VA", "H"))) ? 0 : 1;
        return [eq1, eq2, eq3, eq4, eq5, eq6];
    }

    private static double Score(IReadOnlyDictionary<string, string> m)
    {
        if (ImpactMetrics.All(metric => m[metric] == "N"))
        {
            return 0.0;
        }
        var eq = EquivalenceClasses(m);
        var (eq1, eq2, eq3, eq4, eq6) = (eq[0], eq[1], eq[2], eq[3], eq[5]);
        var value = CvssV4MacroVectorScores.ByMacroVector[string.Concat(eq)];

        var distances = DistancesFromHighest(m, eq);
        double Sum(params string[] metrics) => metrics.Aggregate(0.0, (sum, metric) => sum + distances[metric]);

        // For each EQ: the score of the next lower MacroVector (null when there is none), the vector's severity
        // distance within its MacroVector, and the MacroVector's depth.
        (double? Lower, double Distance, double Depth)[] parts =
        [
            (LowerScore(eq, 0), Sum("AV", "PR", "UI"), Depths.Eq1Depth[eq1] * Step),
            (LowerScore(eq, 1), Sum("AC", "AT"), Depths.Eq2Depth[eq2] * Step),
            (LowerEq3Eq6Score(eq), Sum("VC", "VI", "VA", "CR", "IR", "AR"), Depths.Eq3Eq6Depth[eq3][eq6] * Step),
            (LowerScore(eq, 3), Sum("SC", "SI", "SA"), Depths.Eq4Depth[eq4] * Step),
            // EQ5's proportion is always 0 here, but a lower MacroVector still counts towards the mean.
            (LowerScore(eq, 4), 0.0, Step),
        ];
        var existing = parts.Where(p => p.Lower is not null).ToList();
        var meanDistance = existing.Count == 0
            ? 0.0
            : existing.Aggregate(0.0, (sum, p) => sum + ((value - p.Lower!.Value) * (p.Distance / p.Depth))) / existing.Count;
        return RoundToOneDecimal(Math.Clamp(value - meanDistance, 0, 10));
    }

    /// <summary>
    /// The severity distance of each metric from the first of the MacroVector's highest-severity vectors that is at
    /// least as severe as the scored vector in every metric.
    /// </summary>
    private static Dictionary<string, double> DistancesFromHighest(IReadOnlyDictionary<string, string> m, int[] eq)
    {
        Dictionary<string, double>? distances = null;
        foreach (var eq1 in Depths.Eq1Highest[eq[0]])
        {
            foreach (var eq2 in Depths.Eq2Highest[eq[1]])
            {
                foreach (var eq3 in Depths.Eq3Eq6Highest[eq[2]][eq[5]])
                {
                    foreach (var eq4 in Depths.Eq4Highest[eq[3]])
                    {
                        foreach (var eq5 in Depths.Eq5Highest[eq[4]])
                        {
                            var highest = Split($"{eq1}/{eq2}/{eq3}/{eq4}/{eq5}");
                            distances = Depths.Levels.ToDictionary(
                                level => level.Key,
                                level => level.Value[m[level.Key]] - level.Value[highest[level.Key]],
                                StringComparer.Ordinal);
                            if (distances.Values.All(d => d >= 0))
                            {
                                return distances;
                            }
                        }
                    }
                }
            }
        }
        // Unreachable for a valid vector; FIRST's calculator then keeps the last candidate's distances, and so do we.
        return distances!;
    }

    private static Dictionary<string, string> Split(string vector) =>
        vector.Split('/').Select(part => part.Split(':')).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    /// <summary>The score of the MacroVector one level lower in the EQ at <paramref name="index"/>, or null when there is none.</summary>
    private static double? LowerScore(int[] eq, int index)
    {
        var lower = (int[])eq.Clone();
        lower[index]++;
        return CvssV4MacroVectorScores.ByMacroVector.TryGetValue(string.Concat(lower), out var score) ? score : null;
    }

    /// <summary>EQ3 and EQ6 step down together: 00 to 01 or 10 (whichever scores higher), 01 and 11 to 21, 10 to 11; 21 is the lowest.</summary>
    private static double? LowerEq3Eq6Score(int[] eq) => (eq[2], eq[5]) switch
    {
        (0, 0) => LowerScore(eq, 5) is { } left && LowerScore(eq, 2) is { } right ? Math.Max(left, right) : null,
        (0, 1) or (1, 1) => LowerScore(eq, 2),
        (1, 0) => LowerScore(eq, 5),
        _ => null,
    };

    /// <summary>Half up to one decimal, after a small nudge so that 1.4499999999999993 (a float 1.45) rounds to 1.5.</summary>
    private static double RoundToOneDecimal(double value) => Math.Floor(((value + 1e-6) * 10) + 0.5) / 10;
}
