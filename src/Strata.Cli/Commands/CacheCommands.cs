using Spectre.Console;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Cache;

namespace Strata.Cli.Commands;

public class CacheSettings : StrataSettings
{
    [CommandOption("--cache-dir <DIR>")]
    [Description("The blob cache (default: $STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata, else ~/.cache/strata)")]
    public string? CacheDir { get; init; }
}

public sealed class CacheListSettings : CacheSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (digest, size, last use) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }
}

public sealed class CachePruneSettings : CacheSettings
{
    [CommandOption("--older-than <DURATION>")]
    [Description("Remove blobs unused for this long, with a unit: 30d, 12h, 90m, 45s, 2w (required unless --all)")]
    public string? OlderThan { get; init; }

    [CommandOption("--all")]
    [Description("Remove every blob (default: off)")]
    public bool All { get; init; }

    [CommandOption("--dry-run")]
    [Description("List what would be removed, and remove nothing (default: off)")]
    public bool DryRun { get; init; }
}

/// <summary><c>strata cache ls</c>: every cached blob with its size and when it was last used; <c>-q</c> prints digests only.</summary>
public sealed class CacheListCommand(CliContext context) : AsyncCommand<CacheListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, CacheListSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json");
        var blobs = RegistryAccessFactory.Cache(context, settings.CacheDir).List();
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, settings.Output, stream => WriteJson(stream, blobs));
            return ExitCodes.Success;
        }
        var table = new PlainColumns("DIGEST", "SIZE", "LAST USED (UTC)");
        foreach (var blob in blobs)
        {
            table.AddRow(blob.Digest.ToString(), HumanSize.Format(blob.Size), blob.LastUsedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
        CommandOutput.Render(context, settings.Output, console =>
        {
            if (settings.Quiet)
            {
                PlainColumns.WriteLines(console, blobs.Select(b => b.Digest.ToString()));
            }
            else
            {
                table.Write(console);
            }
        });
        return ExitCodes.Success;
    }

    private static void WriteJson(Stream stream, IReadOnlyList<CachedBlob> blobs)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var blob in blobs)
        {
            json.WriteStartObject();
            json.WriteString("digest", blob.Digest.ToString());
            json.WriteNumber("size", blob.Size);
            json.WriteString("lastUsed", blob.LastUsedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

/// <summary><c>strata cache du</c>: how many blobs and bytes the cache holds.</summary>
public sealed class CacheUsageCommand(CliContext context) : Command<CacheSettings>
{
    public override int Execute(CommandContext commandContext, CacheSettings settings, CancellationToken cancellationToken)
    {
        var cache = RegistryAccessFactory.Cache(context, settings.CacheDir);
        var blobs = cache.List();
        var bytes = blobs.Sum(b => b.Size);
        context.Out.WriteLine(settings.Quiet
            ? bytes.ToString(CultureInfo.InvariantCulture)
            : $"{Plural.Of(blobs.Count, "blob")}, {Plural.Of(bytes, "byte")} ({HumanSize.Format(bytes)}) in {TerminalText.Safe(cache.Root)}");
        return ExitCodes.Success;
    }
}

/// <summary><c>strata cache prune --older-than 30d | --all [--dry-run]</c>.</summary>
public sealed class CachePruneCommand(CliContext context) : Command<CachePruneSettings>
{
    public override int Execute(CommandContext commandContext, CachePruneSettings settings, CancellationToken cancellationToken)
    {
        var age = Age(settings);
        var cache = RegistryAccessFactory.Cache(context, settings.CacheDir);
        IReadOnlyList<CachedBlob> removed;
        if (settings.DryRun)
        {
            var cutoff = DateTime.UtcNow - age;
            removed = cache.List().Where(b => b.LastUsedUtc <= cutoff).ToList();
        }
        else
        {
            removed = cache.Prune(age);
        }
        var bytes = removed.Sum(b => b.Size);
        if (settings.DryRun)
        {
            PlainColumns.WriteLines(context.Out, removed.Select(b => b.Digest.ToString()));
        }
        if (!settings.Quiet)
        {
            var verb = settings.DryRun ? "would remove" : "removed";
            context.Out.WriteLine($"{verb} {Plural.Of(removed.Count, "blob")}, {Plural.Of(bytes, "byte")} ({HumanSize.Format(bytes)})");
        }
        return ExitCodes.Success;
    }

    private static TimeSpan Age(CachePruneSettings settings) => (settings.OlderThan, settings.All) switch
    {
        (null, false) => throw new StrataException("cache prune: give --older-than DURATION (such as 30d) or --all"),
        ({ }, true) => throw new StrataException("--all and --older-than: give one of them"),
        (null, true) => TimeSpan.Zero,
        ({ } text, false) => ParseAge(text),
    };

    internal static TimeSpan ParseAge(string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        if (!double.TryParse(text.Length > 0 ? text[..^1] : "", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new StrataException($"--older-than: '{text}' is not a duration with a unit, such as 30d, 12h, 90m or 45s");
        }
        return unit switch
        {
            'w' => TimeSpan.FromDays(7 * value),
            'd' => TimeSpan.FromDays(value),
            'h' => TimeSpan.FromHours(value),
            'm' => TimeSpan.FromMinutes(value),
            's' => TimeSpan.FromSeconds(value),
            _ => throw new StrataException($"--older-than: '{text}' is not a duration with a unit, such as 30d, 12h, 90m or 45s"),
        };
    }
}
