using System.Collections.Frozen;

namespace Strata.Sbom.Output.Licenses;

/// <summary>The SPDX licence and exception identifiers (embedded lists), looked up case-insensitively.</summary>
internal static class SpdxLicenseList
{
    private static readonly Lazy<FrozenDictionary<string, string>> Licenses = new(() => Load("spdx-license-ids.txt"));
    private static readonly Lazy<FrozenDictionary<string, string>> Exceptions = new(() => Load("spdx-exception-ids.txt"));

    /// <summary>The identifier as the list spells it (<c>mit</c> → <c>MIT</c>), or false when it is not on the list.</summary>
    public static bool TryLicense(string id, out string canonical) => Licenses.Value.TryGetValue(id, out canonical!);

    public static bool TryException(string id, out string canonical) => Exceptions.Value.TryGetValue(id, out canonical!);

    private static FrozenDictionary<string, string> Load(string file)
    {
        var name = typeof(SpdxLicenseList).Namespace + "." + file;
        using var stream = typeof(SpdxLicenseList).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                ids.TryAdd(line, line);
            }
        }
        return ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
