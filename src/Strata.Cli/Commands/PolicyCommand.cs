using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;
using Strata.Policy.Policies.Output;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata policy IMAGE</c>: the image read once (analysis, packages, secrets, advice and, with a database, the
/// scan) and judged against the policy file: PASS, FAIL or SKIP per policy with its evidence, and the health grade.
/// Exits 1 (or --exit-code N) when a policy fails.
/// </summary>
public sealed class PolicyCommand(CliContext context) : AsyncCommand<PolicySettings>
{
    public const int DefaultFailureExit = ExitCodes.GateFailed;

    public override async Task<int> ExecuteAsync(CommandContext commandContext, PolicySettings settings, CancellationToken cancellationToken)
    {
        // Every option is checked, and the policy file read, before the image: a typo fails at once.
        var format = CommandOutput.Format(settings.Format, "table", "json", "sarif", "markdown");
        var exitCode = ScanInputs.WholeNumber(settings.ExitCode, "--exit-code", 0, 255) ?? DefaultFailureExit;
        var baseLayers = ScanInputs.WholeNumber(settings.BaseLayers, "--base-layers", 0, int.MaxValue);
        var dockerfile = ScanInputs.Dockerfile(context, settings.Dockerfile);
        var policies = ScanInputs.Policies(context, settings.Policy);
        using var store = ScanInputs.OptionalDatabase(context, settings.Db, settings.CacheDir) is { } path ? AdvisoryStore.Open(path) : null;
        var environment = settings.Online ? new PolicyEnvironment { ResolveDigests = reference => BaseDigests.Resolve(context, settings, reference, cancellationToken) } : PolicyEnvironment.Offline;

        var options = new AssessmentOptions { Advisories = store, BaseLayers = baseLayers, DockerfileText = dockerfile?.Text };
        var assessment = await ImageLoader.ReadAsync(context, settings,
            (image, analysisOptions, progress) => ImageAssessor.Assess(image, analysisOptions, options, progress, cancellationToken), cancellationToken);
        Warnings.Write(context, assessment.Warnings);

        var report = PolicyEvaluator.Evaluate(assessment, policies, environment);
        switch (format)
        {
            case "json":
                await CommandOutput.WriteAsync(context, settings.Output, s => PolicyJsonWriter.Write(assessment, report, s));
                break;
            case "sarif":
                await CommandOutput.WriteAsync(context, settings.Output, s => PolicySarifWriter.Write(assessment, report, policies.Policies, s, StrataVersion.Version, dockerfile?.Path));
                break;
            case "markdown":
                await CommandOutput.WriteAsync(context, settings.Output, s => PolicyMarkdownWriter.Write(assessment, report, s));
                break;
            default:
                CommandOutput.Render(context, settings.Output, console => PolicyTable.Render(console, assessment.Analysis.Name, policies.Source, report, settings.Quiet));
                break;
        }
        return report.Failed ? exitCode : ExitCodes.Success;
    }
}
