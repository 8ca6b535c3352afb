using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis.Export;
using Strata.Analysis.Gate;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Analysis.Model;
using Strata.Sbom;
using Strata.Sbom.Catalogers;

namespace Strata.Cli.Commands;

public sealed class AnalyzeCommand(CliContext context) : AsyncCommand<AnalyzeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Top < 0)
        {
            throw new StrataException("--top: must be 0 or more");
        }
        var (format, output) = Output(settings);
        if (settings.Sbom is not null)
        {
            CommandOutput.Choice("--sbom-format", settings.SbomFormat, SbomCommand.FileFormats);
        }
        var sbomOnStandardOutput = settings.Sbom == "-";
        if (sbomOnStandardOutput && format == "json" && CommandOutput.IsStandardOutput(output))
        {
            throw new StrataException("--sbom -: standard output already carries the JSON export; write one of them to a file");
        }
        var gate = GateSettingsReader.IsEnabled(context, settings);
        // Read the rules before the image, so a bad rules file fails fast.
        var thresholds = gate ? GateSettingsReader.Read(context, settings) : null;
        ImageAnalysis analysis;
        if (settings.Sbom is { } sbomPath)
        {
            // One pass serves both: the catalogers see the files while the analysis reads the layers.
            var (read, sbom) = await ImageLoader.ReadAsync(context, settings,
                (image, options, progress) => SbomBuilder.Build(image, options, CatalogerRegistry.All(), progress, cancellationToken), cancellationToken);
            analysis = read;
            await CommandOutput.WriteAsync(context, sbomPath, SbomCommand.Writer(context, sbom, settings.SbomFormat));
        }
        else
        {
            analysis = await ImageLoader.AnalyzeAsync(context, settings, cancellationToken);
        }

        // When standard output carries data (the JSON export or the SBOM), whatever is for people goes to standard error.
        var dataOnStandardOutput = CommandOutput.IsStandardOutput(output) && format == "json" || sbomOnStandardOutput;
        var console = dataOnStandardOutput ? context.Error : context.Out;
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, output, stream => AnalysisJsonWriter.Write(analysis, stream));
            if (!CommandOutput.IsStandardOutput(output))
            {
                // The report beside a JSON file, as dive prints its analysis beside -j.
                AnalysisReport.Render(console, analysis, settings.Top, settings.Quiet);
            }
        }
        else if (CommandOutput.IsStandardOutput(output))
        {
            AnalysisReport.Render(console, analysis, settings.Top, settings.Quiet);
        }
        else
        {
            CommandOutput.Render(context, output, c => AnalysisReport.Render(c, analysis, settings.Top, settings.Quiet));
        }
        Warnings.Write(context, analysis.Warnings);
        if (thresholds is null)
        {
            return ExitCodes.Success;
        }
        var results = GateEvaluator.Evaluate(analysis, thresholds);
        GateReport.Render(console, results);
        return results.Any(r => r.Status == RuleStatus.Fail) ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    /// <summary>--format and --output, with dive's --json FILE (and -j FILE) standing for --format json --output FILE.</summary>
    private static (string Format, string? Output) Output(AnalyzeSettings settings)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json");
        if (settings.Json is not { } json)
        {
            return (format, settings.Output);
        }
        if (settings.Output is not null && settings.Output != json)
        {
            throw new StrataException("--json: names the output file itself; give either --json FILE or --format json --output FILE");
        }
        return ("json", json);
    }
}
