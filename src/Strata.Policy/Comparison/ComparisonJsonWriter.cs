using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Images.Output;
using Strata.Policy.Policies;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Policy.Comparison;

/// <summary>
/// A comparison as JSON: <c>{"before", "after", "worse", "sizes", "layers", "files", "packages", "vulnerabilities",
/// "policies", "grades"}</c>, as the README's compare section documents. <c>vulnerabilities</c> is null when no
/// database was given. Every list is written whole.
/// </summary>
public static class ComparisonJsonWriter
{
    public static void Write(ImageComparison comparison, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        WriteImage(json, "before", comparison.Before);
        WriteImage(json, "after", comparison.After);
        json.WriteStartArray("worse");
        foreach (var kind in comparison.Worse)
        {
            json.WriteStringValue(kind);
        }
        json.WriteEndArray();
        WriteSizes(json, comparison.Sizes);
        WriteLayers(json, comparison.Layers);
        WriteFiles(json, comparison.Files);
        WritePackages(json, comparison.Packages);
        WriteVulnerabilities(json, comparison.Vulnerabilities);
        WritePolicies(json, comparison.Policies);
        json.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter json, string name, ComparedImage image)
    {
        json.WriteStartObject(name);
        json.WriteString("name", image.Name);
        json.WriteString("manifestDigest", image.ManifestDigest);
        json.WriteString("configDigest", image.ConfigDigest);
        json.WriteString("platform", image.Platform);
        json.WriteEndObject();
    }

    private static void WriteSizes(Utf8JsonWriter json, SizeComparison sizes)
    {
        json.WriteStartObject("sizes");
        WriteSize(json, "compressed", sizes.Compressed);
        WriteSize(json, "uncompressed", sizes.Uncompressed);
        WriteSize(json, "dead", sizes.Dead);
        json.WriteEndObject();
    }

    private static void WriteSize(Utf8JsonWriter json, string name, SizeChange size)
    {
        json.WriteStartObject(name);
        json.WriteNumber("before", size.Before);
        json.WriteNumber("after", size.After);
        json.WriteNumber("change", size.Change);
        json.WriteEndObject();
    }

    private static void WriteLayers(Utf8JsonWriter json, LayerComparison layers)
    {
        json.WriteStartObject("layers");
        json.WriteNumber("before", layers.BeforeCount);
        json.WriteNumber("after", layers.AfterCount);
        json.WriteNumber("shared", layers.Shared);
        json.WriteNumber("sharedCompressedSize", layers.SharedCompressedSize);
        if (layers.FirstDifferent is { } divergence)
        {
            json.WriteStartObject("firstDifferent");
            json.WriteNumber("index", divergence.Index);
            WriteLayer(json, "before", divergence.Before);
            WriteLayer(json, "after", divergence.After);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("firstDifferent");
        }
        json.WriteEndObject();
    }

    private static void WriteLayer(Utf8JsonWriter json, string name, DivergingLayer? layer)
    {
        if (layer is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("digest", layer.Digest);
        json.WriteString("diffId", layer.DiffId);
        json.WriteString("chainId", layer.ChainId);
        json.WriteNumber("compressedSize", layer.CompressedSize);
        json.WriteString("createdBy", layer.CreatedBy);
        json.WriteEndObject();
    }

    private static void WriteFiles(Utf8JsonWriter json, FileComparison files)
    {
        json.WriteStartObject("files");
        WriteFileItems(json, "added", files.Added);
        WriteFileItems(json, "removed", files.Removed);
        json.WriteStartArray("changed");
        foreach (var change in files.Changed)
        {
            json.WriteStartObject();
            json.WriteString("path", change.Path);
            json.WriteString("typeBefore", FileTypeNames.Of(change.KindBefore));
            json.WriteString("typeAfter", FileTypeNames.Of(change.KindAfter));
            json.WriteNumber("sizeBefore", change.SizeBefore);
            json.WriteNumber("sizeAfter", change.SizeAfter);
            json.WriteStartArray("differences");
            foreach (var aspect in change.Differences)
            {
                json.WriteStringValue(aspect);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFileItems(Utf8JsonWriter json, string name, IReadOnlyList<FileItem> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("path", item.Path);
            json.WriteString("type", FileTypeNames.Of(item.Kind));
            json.WriteNumber("size", item.Size);
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
    }

    private static void WritePackages(Utf8JsonWriter json, PackageComparison packages)
    {
        json.WriteStartObject("packages");
        WritePackageItems(json, "added", packages.Added);
        WritePackageItems(json, "removed", packages.Removed);
        WriteVersionChanges(json, "upgraded", packages.Upgraded);
        WriteVersionChanges(json, "downgraded", packages.Downgraded);
        json.WriteEndObject();
    }

    private static void WritePackageItems(Utf8JsonWriter json, string name, IReadOnlyList<PackageItem> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("ecosystem", item.Ecosystem);
            json.WriteString("name", item.Name);
            json.WriteString("version", item.Version);
            json.WriteString("purl", item.Purl);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteVersionChanges(Utf8JsonWriter json, string name, IReadOnlyList<PackageVersionChange> changes)
    {
        json.WriteStartArray(name);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("ecosystem", change.Ecosystem);
            json.WriteString("name", change.Name);
            json.WriteString("from", change.From);
            json.WriteString("to", change.To);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteVulnerabilities(Utf8JsonWriter json, VulnerabilityComparison? vulnerabilities)
    {
        if (vulnerabilities is null)
        {
            json.WriteNull("vulnerabilities");
            return;
        }
        json.WriteStartObject("vulnerabilities");
        WriteVulnerabilityItems(json, "fixed", vulnerabilities.Fixed);
        WriteVulnerabilityItems(json, "introduced", vulnerabilities.Introduced);
        json.WriteEndObject();
    }

    private static void WriteVulnerabilityItems(Utf8JsonWriter json, string name, IReadOnlyList<VulnerabilityItem> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.Id);
            json.WriteString("severity", SeverityNames.Of(item.Severity));
            json.WriteString("ecosystem", item.Ecosystem);
            json.WriteString("package", item.Package);
            json.WriteString("version", item.Version);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePolicies(Utf8JsonWriter json, PolicyComparison policies)
    {
        json.WriteStartObject("policies");
        json.WriteStartArray("changed");
        foreach (var change in policies.Changed)
        {
            json.WriteStartObject();
            json.WriteString("name", change.Name);
            json.WriteString("before", StatusName(change.Before));
            json.WriteString("after", StatusName(change.After));
            json.WriteString("reason", change.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("grades");
        json.WriteString("before", policies.GradeBefore);
        json.WriteString("after", policies.GradeAfter);
        json.WriteEndObject();
    }

    /// <summary>pass, fail or skip, as <c>strata policy</c>'s JSON writes a status; null for a side without that policy.</summary>
    public static string? StatusName(PolicyStatus? status) => status?.ToString().ToLowerInvariant();
}
