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
        var fromStandardInput = settings.Dockerfile is "-" or StandardInputPath;
        var path = fromStandardInput ? StandardInputPath : context.ResolvePath(settings.Dockerfile);
        var shown = fromStandardInput ? "-" : settings.Dockerfile;
        if (!fromStandardInput && Directory.Exists(path))
        {
            // A build context's folder, as `docker build DIR` takes it: its Dockerfile.
            path = Path.Combine(path, "Dockerfile");
            shown = Path.Combine(settings.Dockerfile, "Dockerfile");
        }
        if (!fromStandardInput && !File.Exists(path))
        {
            throw new StrataException($"{shown}: no such Dockerfile");
        }
        if (settings.Fix)
        {
            CheckFixable(path, shown, fromStandardInput);
        }
        var document = fromStandardInput
            ? Parse(() => DockerfileDocument.Parse(ReadStandardInput(), "-"), shown)
            : Parse(() => DockerfileDocument.Load(path), shown);
        var findings = DockerfileLinter.Lint(document, settings.Ignore);

        if (settings.Fix)
        {
            var (text, fixedFindings) = DockerfileFixer.Fix(document, findings);
            if (fixedFindings.Count > 0)
            {
                // The fixed text must still parse; a fix that broke it would be a bug, reported before anything is written.
                document = Parse(() => DockerfileDocument.Parse(text, shown), shown);
                FixedFile.Write(path, text, shown);
                findings = DockerfileLinter.Lint(document, settings.Ignore);
            }
            ReportFixes(fixedFindings, shown, settings.Quiet);
        }

        var advice = findings.Select(f => f.Advice).ToList();
        switch (format)
        {
            case "json":
                await CommandOutput.WriteAsync(context, settings.Output, s => AdviceJsonWriter.Write(advice, s));
                break;
            case "sarif":
                await CommandOutput.WriteAsync(context, settings.Output, s => LintSarifWriter.Write(advice, s, StrataVersion.Version, fromStandardInput ? "Dockerfile" : ArtifactUri(path, settings.Dockerfile)));
                break;
            default:
                CommandOutput.Render(context, settings.Output, console => LintTable.Render(console, shown, findings, settings.Quiet));
                break;
        }
        return advice.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    /// <summary>What a lone '-' becomes on the way in (see StrataApp): the Dockerfile is read from standard input.</summary>
    private const string StandardInputPath = "/dev/stdin";

    /// <summary>--fix rewrites a regular file in place; standard input, a device or a link to elsewhere is refused before anything is read.</summary>
    private static void CheckFixable(string path, string shown, bool fromStandardInput)
    {
        if (fromStandardInput)
        {
            throw new StrataException("--fix: the Dockerfile comes from standard input; name the file to fix it in place");
        }
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            throw new StrataException($"--fix: {shown} is a symbolic link; name the file it points to");
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            throw new StrataException($"--fix: {shown} is not writable");
        }
    }

    /// <summary>Standard input as text, up to the size a Dockerfile may have.</summary>
    private string ReadStandardInput()
    {
        var reader = context.OpenStandardInput();
        var text = new StringBuilder();
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > DockerfileDocument.MaxFileBytes)
            {
                throw new StrataException($"-: standard input holds more than {DockerfileDocument.MaxFileBytes} characters; that is no Dockerfile");
            }
        }
        return text.ToString();
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
    private void ReportFixes(IReadOnlyList<LintFinding> fixedFindings, string shown, bool quiet)
    {
        if (quiet)
        {
            return;
        }
        if (fixedFindings.Count == 0)
        {
            context.Error.MarkupLine(TerminalText.Markup($"{shown}: nothing to fix"));
            return;
        }
        foreach (var finding in fixedFindings)
        {
            var advice = finding.Advice;
            var hadolint = advice.Hadolint is null ? "" : $" ({advice.Hadolint})";
            context.Error.MarkupLine(TerminalText.Markup(string.Create(CultureInfo.InvariantCulture,
                $"fixed line {advice.Line}: {advice.Id}{hadolint} {advice.Title}")));
        }
        context.Error.MarkupLine(TerminalText.Markup($"{shown}: {Plural.Of(fixedFindings.Count, "fix", "fixes")} applied"));
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
