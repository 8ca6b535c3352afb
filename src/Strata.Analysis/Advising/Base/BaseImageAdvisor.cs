using System.Globalization;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Base;

/// <summary>
/// A base image with a slimmer variant: the base's layers as stored in this image (compressed) against the slim
/// variant's, read from the registry with --online, else from the shipped table. The saving is in compressed bytes
/// (what is pulled), and it is about the base's layers only, which no other size finding counts.
/// </summary>
internal static class BaseImageAdvisor
{
    /// <summary>A smaller gain is within the table's error.</summary>
    private const double MinimumShare = 0.10;

    public static IEnumerable<Advice> Advise(AdviceInput input, BaseSizeTable table, Action<string> warn)
    {
        if (input.Base.Layers is not ({ } count and > 0) || input.Os is { Id: "alpine" })
        {
            yield break;
        }
        var name = BaseName.Find(input.Base.Name, input.Config.Env, input.Os);
        if (name is null || IsSlim(name) || table.Find(name.Repository) is not { SlimSuffix: { } suffix, SlimBytes: { } tableBytes } entry)
        {
            yield break;
        }
        var slim = $"{name.Repository}:{Tag(name, entry)}{suffix}";
        var measured = input.Analysis.Layers.Take(count).Sum(l => l.CompressedSize);
        var slimTag = $"{Tag(name, entry)}{suffix}";
        var (slimBytes, from) = SlimSize(input, $"{name.Location}:{slimTag}", tableBytes, table, warn);
        var saving = measured - slimBytes;
        if (saving <= 0 || saving < measured * MinimumShare)
        {
            yield break;
        }
        var layers = count == 1 ? "layer 0" : string.Create(CultureInfo.InvariantCulture, $"layers 0-{count - 1}");
        yield return new Advice
        {
            Id = AdviceIds.SlimmerBase,
            Severity = AdviceSeverity.Info,
            Title = $"A slimmer base image: {slim}",
            Message = string.Create(CultureInfo.InvariantCulture,
                $"The base image ({name}, {name.How}) is {measured} bytes compressed ({layers}); {slim} is about {slimBytes} bytes ({from}), about {saving} compressed bytes less to pull and store."),
            Line = input.Lines.FromLine,
            Bytes = saving,
            Fix = $"FROM {slim}" + (entry.Smaller is { } smaller ? $"; smaller still: {smaller}" : ""),
        };
    }

    private static bool IsSlim(BaseName name) =>
        name.Tag is { } tag && (tag.Contains("slim", StringComparison.Ordinal) || tag.Contains("alpine", StringComparison.Ordinal) || tag.Contains("jre", StringComparison.Ordinal));

    private static string Tag(BaseName name, BaseSize entry) =>
        name.Tag is null or "latest" ? entry.Example[(entry.Example.IndexOf(':', StringComparison.Ordinal) + 1)..] : name.Tag;

    private static (long Bytes, string From) SlimSize(AdviceInput input, string reference, long tableBytes, BaseSizeTable table, Action<string> warn)
    {
        var offline = $"Strata's table of {table.Recorded}, approximate; --online reads the registry";
        if (input.RegistrySize is not { } online)
        {
            return (tableBytes, offline);
        }
        if (online(reference) is { } bytes)
        {
            return (bytes, "from the registry, compressed layers for this platform");
        }
        warn($"--online: the size of {reference} could not be read from its registry; the shipped table's figure is used");
        return (tableBytes, offline);
    }
}
