using System.Globalization;
using Strata.Analysis.Model;

namespace Strata.Analysis.Gate;

public enum RuleStatus
{
    Pass,
    Fail,
    Skip,
}

public sealed record RuleResult(string Rule, RuleStatus Status, string Detail);

/// <summary>Evaluates dive's CI rules and Strata's dead-byte rules against an analysis.</summary>
public static class GateEvaluator
{
    public static IReadOnlyList<RuleResult> Evaluate(ImageAnalysis analysis, GateThresholds thresholds)
    {
        var dive = analysis.Dive;
        return
        [
            Check("lowestEfficiency", thresholds.LowestEfficiency, t => dive.Efficiency < t,
                t => $"image efficiency is too low (efficiency={Format(dive.Efficiency)} < threshold={Format(t)})"),
            Check("highestWastedBytes", thresholds.HighestWastedBytes, t => dive.WastedBytes > t,
                t => $"too many bytes wasted (wasted-bytes={dive.WastedBytes} > threshold={t})"),
            Check("highestUserWastedPercent", thresholds.HighestUserWastedPercent, t => dive.UserWastedPercent > t,
                t => $"too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes={Format(dive.UserWastedPercent)} > threshold={Format(t)})"),
            Check("highestDeadBytes", thresholds.HighestDeadBytes, t => analysis.DeadBytes > t,
                t => $"too many dead bytes (dead-bytes={analysis.DeadBytes} > threshold={t})"),
            Check("highestDeadPercent", thresholds.HighestDeadPercent, t => analysis.DeadPercent > t,
                t => $"too large a share of stored bytes is dead (dead-percent={Format(analysis.DeadPercent)} > threshold={Format(t)})"),
        ];
    }

    private static RuleResult Check<T>(string rule, T? threshold, Func<T, bool> fails, Func<T, string> describe)
        where T : struct
    {
        if (threshold is not { } t)
        {
            return new RuleResult(rule, RuleStatus.Skip, "disabled");
        }
        return fails(t) ? new RuleResult(rule, RuleStatus.Fail, describe(t)) : new RuleResult(rule, RuleStatus.Pass, "");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
