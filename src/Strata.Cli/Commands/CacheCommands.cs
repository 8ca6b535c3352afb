using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;

namespace Strata.Cli.Commands;

public class CacheSettings : CommandSettings
{
    [CommandOption("--cache-dir <DIR>")]
    [Description("The blob cache (default: STRATA_CACHE_DIR, else $XDG_CACHE_HOME/strata)")]
    public string? CacheDir { get; init; }
}

public sealed class CachePruneSettings : CacheSettings
{
    [CommandOption("--older-than <AGE>")]
    [Description("Remove blobs unused for this long: 30d, 12h, 90m, 0s (default: everything)")]
    public string? OlderThan { get; init; }
}

/// <summary><c>strata cache ls</c>: every cached blob with its size and when it was last used.</summary>
public sealed class CacheListCommand(CliContext context) : Command<CacheSettings>
{
    public override int Execute(CommandContext commandContext, CacheSettings settings, CancellationToken cancellationToken)
    {
        var cache = RegistryAccessFactory.Cache(context, settings.CacheDir);
        var table = new Table().Border(TableBorder.Simple).AddColumn("Digest").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("Last used (UTC)");
        foreach (var blob in cache.List())
        {
            table.AddRow(blob.Digest.ToString(), HumanSize.Format(blob.Size), blob.LastUsedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
        context.Out.Write(table);
        return ExitCodes.Success;
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
        context.Out.WriteLine($"{blobs.Count} blobs, {bytes} bytes ({HumanSize.Format(bytes)}) in {cache.Root}");
        return ExitCodes.Success;
    }
}

/// <summary><c>strata cache prune [--older-than 30d]</c>.</summary>
public sealed class CachePruneCommand(CliContext context) : Command<CachePruneSettings>
{
    public override int Execute(CommandContext commandContext, CachePruneSettings settings, CancellationToken cancellationToken)
    {
        var age = settings.OlderThan is null ? TimeSpan.Zero : ParseAge(settings.OlderThan);
        var cache = RegistryAccessFactory.Cache(context, settings.CacheDir);
        var removed = cache.Prune(age);
        var bytes = removed.Sum(b => b.Size);
        context.Out.WriteLine($"removed {removed.Count} blobs, {bytes} bytes ({HumanSize.Format(bytes)})");
        return ExitCodes.Success;
    }

    internal static TimeSpan ParseAge(string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        var number = char.IsAsciiDigit(unit) ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new StrataException($"--older-than: '{text}' is not an age such as 30d, 12h, 90m or 45s");
        }
        return unit switch
        {
            'd' => TimeSpan.FromDays(value),
            'h' => TimeSpan.FromHours(value),
            'm' => TimeSpan.FromMinutes(value),
            's' or (>= '0' and <= '9') => TimeSpan.FromSeconds(value),
            'w' => TimeSpan.FromDays(7 * value),
            _ => throw new StrataException($"--older-than: '{text}' is not an age such as 30d, 12h, 90m or 45s"),
        };
    }
}
