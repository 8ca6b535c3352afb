namespace Strata.Analysis.Gate;

/// <summary>CI thresholds; null disables a rule. The defaults are dive's.</summary>
public sealed record GateThresholds
{
    public double? LowestEfficiency { get; init; } = 0.9;

    public long? HighestWastedBytes { get; init; }

    public double? HighestUserWastedPercent { get; init; } = 0.1;

    public long? HighestDeadBytes { get; init; }

    public double? HighestDeadPercent { get; init; }
}
