using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Registry;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata db update</c>: downloads OSV's export of each ecosystem (only those changed since the last update) and
/// swaps the rebuilt database in.
/// </summary>
public sealed class DbUpdateCommand(CliContext context) : AsyncCommand<DbUpdateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, DbUpdateSettings settings, CancellationToken cancellationToken)
    {
        var options = new UpdateOptions
        {
            Source = Source(settings.Source),
            Ecosystems = Ecosystems(settings.Ecosystems),
            Timeout = settings.Timeout is { } timeout ? RegistryTimeout.Parse(timeout) : UpdateOptions.DefaultTimeout,
        };
        var path = DbPath.ForWriting(context, settings);
        var warnings = new LimitedWarnings(context);
        options = options with { Import = new ImportOptions { Strict = settings.Strict, Warn = warnings.Write } };
        var (ecosystems, counts) = await AdvisoryUpdate.UpdateAsync(path, options, cancellationToken);
        warnings.Finish();
        if (settings.Quiet)
        {
            return ExitCodes.Success;
        }
        foreach (var ecosystem in ecosystems)
        {
            context.Out.WriteLine(ecosystem.NotModified
                ? $"{TerminalText.Safe(ecosystem.Ecosystem)}: not changed since the last update"
                : $"{TerminalText.Safe(ecosystem.Ecosystem)}: {Plural.Of(ecosystem.Records, "record")} ({HumanSize.Format(ecosystem.Bytes)} downloaded)");
        }
        context.Out.WriteLine($"Updated {TerminalText.Safe(path)}: {DbSummary.Counts(counts)}");
        return ExitCodes.Success;
    }

    private static Uri Source(string? text)
    {
        if (text is null)
        {
            return UpdateOptions.DefaultSource;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            ? uri
            : throw new StrataException($"--source '{text}': expected an http:// or https:// URL of a folder holding ECOSYSTEM/all.zip");
    }

    /// <summary>Comma-separated and repeatable; a name is one path segment of the bucket, as OSV spells it (crates.io, Rocky Linux).</summary>
    private static IReadOnlyList<string> Ecosystems(string[] options)
    {
        if (options.Length == 0)
        {
            return UpdateOptions.DefaultEcosystems;
        }
        var names = options.SelectMany(o => o.Split(',')).Select(n => n.Trim()).ToList();
        foreach (var name in names)
        {
            if (name.Length == 0 || name is "." or ".." || name.Any(c => c is '/' or '\\' || char.IsControl(c)))
            {
                throw new StrataException($"--ecosystem '{string.Join(',', options)}': '{name}' is not an ecosystem name; give names such as npm,PyPI,Debian");
            }
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
