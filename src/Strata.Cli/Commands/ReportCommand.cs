using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis.Advising;
using Strata.Analysis.Dockerfiles;
using Strata.Cli.Report;
using Strata.Images;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata report IMAGE -o report.html</c>: one read of the image (analysis, packages, advice, and the
/// vulnerability scan with --db), written as one self-contained HTML page: summary cards, a size map of every byte,
/// the layers and their changes, waste, duplicates, advice, packages, vulnerabilities and the policy grade.
/// </summary>
public sealed class ReportCommand(CliContext context) : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, ReportSettings settings, CancellationToken cancellationToken)
    {
        // Every option is checked, and every file it names read, before the image: a typo fails at once.
        CommandOutput.Format(settings.Format, "html");
        if (settings.Output is null)
        {
            throw new StrataException("--output: required; name the HTML file to write, as in -o report.html ('-' for standard output)");
        }
        var dockerfile = ScanInputs.Dockerfile(context, settings.Dockerfile);
        var policies = settings.Policy is { } policyPath ? PolicySet.Load(ScanInputs.ExistingFile(context, policyPath, "--policy"), policyPath) : null;
        using var store = settings.Db is { } db ? AdvisoryStore.Open(ScanInputs.NamedDatabase(context, db)) : null;

        var options = new AssessmentOptions { Advisories = store, DockerfileText = dockerfile?.Text };
        var assessment = await ImageLoader.ReadAsync(context, settings,
            (image, analysisOptions, progress) => ImageAssessor.Assess(image, analysisOptions, options, progress, cancellationToken), cancellationToken);
        Warnings.Write(context, assessment.Warnings);
        var policy = policies is null ? null : PolicyEvaluator.Evaluate(assessment, policies);
        var lines = dockerfile is { Text: var text }
            ? new LayerLines(new DockerfileLines(text), assessment.Config.History, assessment.Analysis.Layers.Select(l => l.CreatedBy).ToList(), assessment.Base.Layers ?? 0)
            : LayerLines.None;
        var input = new ReportInput(assessment, lines, policy, StrataVersion.Line);
        await CommandOutput.WriteAsync(context, settings.Output, stream => ReportPage.Write(input, stream));
        if (!settings.Quiet && !CommandOutput.IsStandardOutput(settings.Output))
        {
            context.Error.MarkupLine($"[grey]Wrote {Markup.Escape(settings.Output)}[/]");
        }
        return ExitCodes.Success;
    }
}
