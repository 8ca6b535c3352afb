using System.Text.RegularExpressions;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>A Java archive's Maven coordinates; the group is null when nothing in the archive names it.</summary>
internal sealed partial record MavenCoordinates(string? Group, string Artifact, string Version)
{
    public string Name => Group is null ? Artifact : $"{Group}:{Artifact}";

    public string Purl => PackageUrl.Create("maven", Group, Artifact, Version);

    /// <summary>From a pom.properties; a missing groupId is taken from its <c>META-INF/maven/GROUP/ARTIFACT/</c> folder.</summary>
    public static MavenCoordinates? FromPom(IReadOnlyDictionary<string, string> properties, string entry)
    {
        var artifact = Id(properties.GetValueOrDefault("artifactId"));
        var version = ValidVersion(properties.GetValueOrDefault("version"));
        if (artifact is null || version is null)
        {
            return null;
        }
        var folders = entry.Split('/');
        var group = Id(properties.GetValueOrDefault("groupId"))
            ?? (folders.Length == 5 && folders[0] == "META-INF" && folders[1] == "maven" ? Id(folders[2]) : null);
        return new MavenCoordinates(group, artifact, version);
    }

    /// <summary>
    /// From the manifest and the file name (<c>artifact-1.2.3.jar</c>) when there is no pom.properties: the artifact from
    /// Implementation-Title, an Ivy-style <c>group#artifact;version</c> title, the file name, Bundle-SymbolicName (split at
    /// its last dot into group and artifact) or Bundle-Name; the group from Implementation-Vendor-Id or the symbolic name;
    /// the version from Implementation-Version, Bundle-Version, Specification-Version or the file name.
    /// </summary>
    public static MavenCoordinates? FromManifest(JarManifest? manifest, string fileName)
    {
        var (stem, fileVersion) = SplitFileName(fileName);
        if (manifest?["Implementation-Title"] is { } title && IvyTitle().Match(title) is { Success: true } ivy)
        {
            return new MavenCoordinates(ivy.Groups["group"].Value, ivy.Groups["artifact"].Value, ivy.Groups["version"].Value);
        }
        var group = Id(manifest?["Implementation-Vendor-Id"]);
        var artifact = Id(manifest?["Implementation-Title"]) ?? (fileVersion is null ? null : stem);
        if (Id(manifest?["Bundle-SymbolicName"]?.Split(';')[0]) is { } symbolic)
        {
            var dot = symbolic.LastIndexOf('.');
            var (symbolicGroup, symbolicArtifact) = dot > 0 ? (symbolic[..dot], symbolic[(dot + 1)..]) : (null, symbolic);
            if (artifact is null || artifact == symbolic)
            {
                (group, artifact) = (group ?? symbolicGroup, symbolicArtifact);
            }
            else if (symbolic.EndsWith("." + artifact, StringComparison.Ordinal))
            {
                group ??= symbolicGroup;
            }
        }
        artifact ??= Id(manifest?["Bundle-Name"]) ?? Id(stem);
        if (group is not null && artifact is not null && artifact.StartsWith(group + ".", StringComparison.Ordinal))
        {
            artifact = artifact[(group.Length + 1)..];
        }
        var version = ValidVersion(FirstWord(manifest?["Implementation-Version"])) ?? ValidVersion(manifest?["Bundle-Version"])
            ?? ValidVersion(FirstWord(manifest?["Specification-Version"])) ?? fileVersion;
        return artifact is null || version is null ? null : new MavenCoordinates(group, artifact, version);
    }

    /// <summary><c>name-1.2.3.jar</c> → (name, 1.2.3): the version is the last hyphenated part starting with a digit, with any qualifiers.</summary>
    public static (string Stem, string? Version) SplitFileName(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var stem = dot > 0 ? fileName[..dot] : fileName;
        var match = NameAndVersion().Match(stem);
        return match.Success ? (match.Groups["name"].Value, match.Groups["version"].Value) : (stem, null);
    }

    private static string? FirstWord(string? value) => value?.Split(' ', '\t')[0];

    private static string? Id(string? value) => value is not null && IdPattern().IsMatch(value) ? value : null;

    private static string? ValidVersion(string? value) => value is not null && VersionPattern().IsMatch(value) ? value : null;

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-+]*$", RegexOptions.NonBacktracking)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<group>[A-Za-z0-9_][A-Za-z0-9_.\-]*)#(?<artifact>[A-Za-z0-9_][A-Za-z0-9_.\-]*);(?<version>[A-Za-z0-9][A-Za-z0-9_.\-+]*)$", RegexOptions.NonBacktracking)]
    private static partial Regex IvyTitle();

    [GeneratedRegex(@"^(?<name>.+)-(?<version>\d[^-]*(?:-[A-Za-z][A-Za-z0-9_.]*)*)$", RegexOptions.NonBacktracking)]
    private static partial Regex NameAndVersion();
}
