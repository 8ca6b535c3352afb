using System.Text.Json;
using Strata.Images;
using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Input;

/// <summary>One CycloneDX component with a purl as a <see cref="Package"/>; components without one are counted and skipped.</summary>
internal sealed class ComponentReader(bool fromStrata, IReadOnlyList<string> diffIds, List<Package> packages)
{
    /// <summary>Libraries skipped for having no purl (nothing could match them).</summary>
    public int WithoutPurl { get; private set; }

    public void Add(JsonElement component, string where)
    {
        var purlText = JsonInput.String(component, "purl", where);
        if (purlText is null)
        {
            if (JsonInput.String(component, "type", where) is "library" or "framework")
            {
                WithoutPurl++;
            }
            return;
        }
        var purl = ParsedPackageUrl.TryParse(purlText) ?? throw new StrataException($"{where}.purl: '{purlText}' is not a package URL");
        var properties = CycloneDxReader.Properties(component, where);
        var (upstreamName, upstreamVersion) = PurlPackages.Upstream(purl);
        var name = fromStrata ? JsonInput.RequiredString(component, "name", where) : PurlPackages.Name(purl);
        packages.Add(new Package
        {
            Ecosystem = PurlPackages.Ecosystem(purl.Type) ?? purl.Type,
            Name = name,
            Version = PurlPackages.Version(purl, JsonInput.String(component, "version", where)),
            Purl = purlText,
            Licenses = Licenses(component, where),
            Locations = fromStrata ? properties.StrataLocations(where) : TrivyLocations(properties),
            SourceName = properties.First(StrataProperties.SourceName) ?? properties.First("aquasecurity:trivy:SrcName") ?? upstreamName,
            SourceVersion = properties.First(StrataProperties.SourceVersion) ?? TrivySourceVersion(properties) ?? upstreamVersion,
            Architecture = properties.First(StrataProperties.Architecture) ?? purl.Qualifier("arch"),
            IsApplication = JsonInput.String(component, "type", where) == "application",
            IsDevelopment = JsonInput.String(component, "scope", where) == "optional",
        });
    }

    /// <summary>Trivy's package diff_id, placed by the image's diff_id list; the file when it names one.</summary>
    private IReadOnlyList<PackageLocation> TrivyLocations(NamedValues properties)
    {
        if (properties.First("aquasecurity:trivy:LayerDiffID") is not { } diffId)
        {
            return [];
        }
        var index = diffIds.Select((d, i) => (d, i)).FirstOrDefault(x => x.d == diffId, (d: "", i: -1)).i;
        if (index < 0)
        {
            return [];
        }
        var file = properties.First("aquasecurity:trivy:FilePath");
        return [new PackageLocation(file is null ? "" : "/" + file.TrimStart('/'), index, diffId, null)];
    }

    /// <summary>Trivy splits it: <c>SrcEpoch</c>, <c>SrcVersion</c>, <c>SrcRelease</c> make <c>epoch:version-release</c>.</summary>
    private static string? TrivySourceVersion(NamedValues properties)
    {
        if (properties.First("aquasecurity:trivy:SrcVersion") is not { } version)
        {
            return null;
        }
        var epoch = properties.First("aquasecurity:trivy:SrcEpoch") is { } e && e != "0" ? e + ":" : "";
        var release = properties.First("aquasecurity:trivy:SrcRelease") is { } r ? "-" + r : "";
        return epoch + version + release;
    }

    private static IReadOnlyList<string> Licenses(JsonElement component, string where)
    {
        var licenses = new List<string>();
        foreach (var (entry, i) in JsonInput.Array(component, "licenses", where).Select((e, i) => (e, i)))
        {
            var at = $"{where}.licenses[{i}]";
            JsonInput.RequireObject(entry, at);
            if (JsonInput.String(entry, "expression", at) is { Length: > 0 } expression)
            {
                licenses.Add(expression);
            }
            else if (JsonInput.Object(entry, "license", at) is { } license
                && (JsonInput.String(license, "id", $"{at}.license") ?? JsonInput.String(license, "name", $"{at}.license")) is { Length: > 0 } text)
            {
                licenses.Add(text);
            }
        }
        return licenses;
    }
}
