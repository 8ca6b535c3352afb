using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis.Export;
using Strata.Analysis.Gate;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Output;
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
        if (settings.Sbom is not null && settings.SbomFormat is not ("json" or "cyclonedx-json" or "spdx-json"))
        {
            throw new StrataException($"--sbom-format: '{settings.SbomFormat}' is not one of json, cyclonedx-json, spdx-json");
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
            AtomicFile.Write(context.ResolvePath(sbomPath), SbomCommand.Writer(context, sbom, settings.SbomFormat));
        }
        else
        {
            analysis = await ImageLoader.AnalyzeAsync(context, settings, cancellationToken);
        }

        var jsonToStdout = settings.Json == "-";
        if (settings.Json is { } json)
        {
            if (jsonToStdout)
            {
                await using var stdout = context.OpenStandardOutput();
                AnalysisJsonWriter.Write(analysis, stdout);
            }
            else
            {
                AtomicFile.Write(context.ResolvePath(json), stream => AnalysisJsonWriter.Write(analysis, stream));
            }
        }
        // With JSON on standard output, everything for people goes to standard error.
        var console = jsonToStdout ? context.Error : context.Out;
        if (!jsonToStdout)
        {
            AnalysisReport.Render(console, analysis, settings.Top);
        }
        foreach (var warning in analysis.Warnings)
        {
            context.Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        if (thresholds is null)
        {
            return ExitCodes.Success;
        }
        var results = GateEvaluator.Evaluate(analysis, thresholds);
        GateReport.Render(console, results);
        return results.Any(r => r.Status == RuleStatus.Fail) ? ExitCodes.GateFailed : ExitCodes.Success;
    }
}
