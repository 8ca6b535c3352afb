using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.Policy.Comparison;
using Strata.Policy.Policies;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata compare IMAGE IMAGE2</c>: what changed from one image to the other (sizes, shared layers and where they
/// diverge, files, packages, vulnerabilities with --db, policy verdicts and grades), each image read once as
/// <c>strata policy</c> reads it. --exit-on fails the command when a named kind got worse.
/// </summary>
public sealed class CompareCommand(CliContext context) : AsyncCommand<CompareSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, CompareSettings settings, CancellationToken cancellationToken)
    {
        // Every option is checked, and every file it names read, before the images: a typo fails at once.
        var format = CommandOutput.Format(settings.Format, "table", "json", "markdown");
        var exitOn = settings.ExitOn is { } kinds ? ComparisonKinds.Parse(kinds, "--exit-on") : [];
        var database = ScanInputs.OptionalDatabase(context, settings.Db, settings.CacheDir);
        if (exitOn.Contains(ComparisonKinds.Vulnerability) && database is null)
        {
            throw new StrataException("--exit-on vulnerability: no vulnerability database to compare with; give --db, or run 'strata db update' first");
        }
        if (IsStandardInput(settings.Image) && IsStandardInput(settings.Image2))
        {
            throw new StrataException("IMAGE2: standard input is already IMAGE; save one of the images to a file");
        }
        var policies = ScanInputs.Policies(context, settings.Policy);
        var reading = WithPasswordReadOnce(settings);

        var (before, after) = await CompareReader.ReadBothAsync(reading, settings, settings.SecondImage(),
            (image, options, progress) => Assess(image, options, database, progress, cancellationToken), cancellationToken);
        Warnings.Write(context, before.Warnings.Select(w => $"{settings.Image}: {w}"));
        Warnings.Write(context, after.Warnings.Select(w => $"{settings.Image2}: {w}"));

        var comparison = ImageComparer.Compare(before, after, policies);
        await WriteAsync(comparison, format, settings);
        var worse = exitOn.Where(k => ComparisonKinds.GotWorse(comparison, k)).ToList();
        foreach (var kind in worse)
        {
            context.Error.MarkupLine($"[red]compare:[/] {kind} got worse from IMAGE to IMAGE2");
        }
        return worse.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static bool IsStandardInput(string image) => image is "-" or "/dev/stdin";

    /// <summary>
    /// Both images may come from registries that need the password, and standard input can be read only once: it is
    /// read here, and each image's registry access gets the same text.
    /// </summary>
    private CliContext WithPasswordReadOnce(CompareSettings settings)
    {
        if (!settings.PasswordStdin || settings.Username is null)
        {
            return context;
        }
        var password = context.OpenStandardInput().ReadToEnd();
        return context with { OpenStandardInput = () => new StringReader(password) };
    }

    private static ImageAssessment Assess(
        ResolvedImage image, AnalysisOptions options, string? database, Action<int, long>? progress,
        CancellationToken cancellationToken)
    {
        // One store per image: the two reads run side by side, and a SQLite connection is not shared between threads.
        using var store = database is null ? null : AdvisoryStore.Open(database);
        return ImageAssessor.Assess(image, options, new AssessmentOptions { Advisories = store }, progress, cancellationToken);
    }

    private async Task WriteAsync(ImageComparison comparison, string format, CompareSettings settings)
    {
        switch (format)
        {
            case "json":
                await CommandOutput.WriteAsync(context, settings.Output, s => ComparisonJsonWriter.Write(comparison, s));
                break;
            case "markdown":
                await CommandOutput.WriteAsync(context, settings.Output, s => ComparisonMarkdownWriter.Write(comparison, s));
                break;
            default:
                CommandOutput.Render(context, settings.Output, console => CompareTable.Render(console, comparison, settings.Quiet));
                break;
        }
    }
}
