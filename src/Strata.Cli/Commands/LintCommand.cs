using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata lint [DOCKERFILE]</c>: the Dockerfile checked against Strata's rules (each with its hadolint equivalent),
/// ignore comments and <c>--ignore</c> honoured, written as a table, JSON or SARIF. <c>--fix</c> first applies the
/// safe fixes in place, through the lossless parse, so every other byte stays. Exits 1 when findings remain, as
/// hadolint does, so it gates a CI job; 2 on bad input.
/// </summary>
public sealed partial class LintCommand(CliContext context) : AsyncCommand<LintSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, LintSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json", "sarif");
        foreach (var id in settings.Ignore)
        {
            if (!RuleId().IsMatch(id))
            {
                throw new StrataException($"--ignore: '{id}' is not a rule ID such as STR1001 or DL3009");
            }
        }
        var path = context.ResolvePath(settings.Dockerfile);
        if (!File.Exists(path))
        {
            throw new StrataException($"{settings.Dockerfile}: no such Dockerfile");
        }
        var document = Parse(() => DockerfileDocument.Load(path), settings.Dockerfile);
        var findings = DockerfileLinter.Lint(document, settings.Ignore);

        if (settings.Fix)
        {
            var (text, fixedFindings) = DockerfileFixer.Fix(document, findings);
            if (fixedFindings.Count > 0)
            {
                // The fixed text must still parse; a fix that broke it would be a bug, reported before anything is written.
                document = Parse(() => DockerfileDocument.Parse(text, settings.Dockerfile), settings.Dockerfile);
                FixedFile.Write(path, text, settings.Dockerfile);
                findings = DockerfileLinter.Lint(document, settings.Ignore);
            }
            ReportFixes(fixedFindings, settings);
        }

        var advice = findings.Select(f => f.Advice).ToList();
        switch (format)
        {
            case "json":
                await CommandOutput.WriteAsync(context, settings.Output, s => AdviceJsonWriter.Write(advice, s));
                break;
            case "sarif":
                await CommandOutput.WriteAsync(context, settings.Output, s => LintSarifWriter.Write(advice, s, StrataVersion.Version, ArtifactUri(path, settings.Dockerfile)));
                break;
            default:
                CommandOutput.Render(context, settings.Output, console => LintTable.Render(console, settings.Dockerfile, findings, settings.Quiet));
                break;
        }
        return advice.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static DockerfileDocument Parse(Func<DockerfileDocument> parse, string shown)
    {
        try
        {
            return parse();
        }
        catch (DockerfileParseException e)
        {
            throw new StrataException(e.Path is null ? $"{shown}: {e.Message}" : e.Message);
        }
    }

    /// <summary>What --fix changed, on standard error so the findings on standard output stay machine-readable.</summary>
    private void ReportFixes(IReadOnlyList<LintFinding> fixedFindings, LintSettings settings)
    {
        if (settings.Quiet)
        {
            return;
        }
        if (fixedFindings.Count == 0)
        {
            context.Error.MarkupLine(TerminalText.Markup($"{settings.Dockerfile}: nothing to fix"));
            return;
        }
        foreach (var finding in fixedFindings)
        {
            var advice = finding.Advice;
            var hadolint = advice.Hadolint is null ? "" : $" ({advice.Hadolint})";
            context.Error.MarkupLine(TerminalText.Markup(string.Create(CultureInfo.InvariantCulture,
                $"fixed line {advice.Line}: {advice.Id}{hadolint} {advice.Title}")));
        }
        context.Error.MarkupLine(TerminalText.Markup($"{settings.Dockerfile}: {Plural.Of(fixedFindings.Count, "fix", "fixes")} applied"));
    }

    /// <summary>Relative to the working folder when the Dockerfile is under it (code scanning resolves it against the repository root), else as given.</summary>
    private string ArtifactUri(string full, string given)
    {
        var relative = Path.GetRelativePath(context.WorkingDirectory, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? given : relative).Replace(Path.DirectorySeparatorChar, '/');
    }

    [GeneratedRegex("^(STR|DL|SC)[0-9]{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex RuleId();
}
