using Strata.Analysis.Gate;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>Decides whether the CI gate runs and with which thresholds: config file first, then flags.</summary>
internal static class GateSettingsReader
{
    public static bool IsEnabled(CliContext context, AnalyzeSettings settings) =>
        settings.Ci || string.Equals(context.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static GateThresholds Read(CliContext context, AnalyzeSettings settings)
    {
        var thresholds = new GateThresholds();
        var configPath = settings.CiConfig is null ? context.ResolvePath(".dive-ci") : context.ResolvePath(settings.CiConfig);
        if (File.Exists(configPath))
        {
            thresholds = DiveCiConfig.Parse(File.ReadAllText(configPath), settings.CiConfig ?? ".dive-ci");
        }
        else if (settings.CiConfig is not null)
        {
            throw new StrataException($"--ci-config: '{settings.CiConfig}' does not exist");
        }
        if (settings.LowestEfficiency is { } efficiency)
        {
            thresholds = thresholds with { LowestEfficiency = DiveCiConfig.Ratio(efficiency, "--lowest-efficiency") };
        }
        if (settings.HighestWastedBytes is { } wasted)
        {
            thresholds = thresholds with { HighestWastedBytes = DiveCiConfig.Size(wasted, "--highest-wasted-bytes") };
        }
        if (settings.HighestUserWastedPercent is { } userWasted)
        {
            thresholds = thresholds with { HighestUserWastedPercent = DiveCiConfig.Ratio(userWasted, "--highest-user-wasted-percent") };
        }
        if (settings.HighestDeadBytes is { } dead)
        {
            thresholds = thresholds with { HighestDeadBytes = DiveCiConfig.Size(dead, "--highest-dead-bytes") };
        }
        if (settings.HighestDeadPercent is { } deadPercent)
        {
            thresholds = thresholds with { HighestDeadPercent = DiveCiConfig.Ratio(deadPercent, "--highest-dead-percent") };
        }
        return thresholds;
    }
}
