using System.Text;
using Strata.Sbom.Model;

namespace Strata.Sbom.Output.Spdx;

/// <summary>
/// The document's SPDX identifiers: <c>SPDXRef-Image</c>, <c>SPDXRef-OperatingSystem</c>, and for each package
/// <c>SPDXRef-Package-</c> and its ecosystem, name and version with every character but letters, digits, '.' and
/// '-' made a '-'; <c>-2</c>, <c>-3</c>, … when that is already taken (packages come sorted, so ids are stable).
/// </summary>
internal sealed record SpdxIds(IReadOnlyList<string> Packages)
{
    public const string Document = "SPDXRef-DOCUMENT";
    public const string Image = "SPDXRef-Image";
    public const string OperatingSystem = "SPDXRef-OperatingSystem";

    public static SpdxIds For(SbomDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { Document, Image, OperatingSystem };
        var packages = new List<string>(document.Packages.Count);
        foreach (var package in document.Packages)
        {
            var stem = "SPDXRef-Package-" + Sanitise($"{package.Ecosystem}-{package.Name}-{package.Version}");
            var id = stem;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{stem}-{n}";
            }
            packages.Add(id);
        }
        return new SpdxIds(packages);
    }

    public static string Sanitise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }
        return builder.ToString();
    }
}
