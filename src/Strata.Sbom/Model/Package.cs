namespace Strata.Sbom.Model;

/// <summary>Where a package was found: the file, the layer that put it there, and that layer's Dockerfile line.</summary>
public sealed record PackageLocation(string Path, int Layer, string DiffId, string? CreatedBy);

/// <summary>One package of any ecosystem, as a cataloger found it.</summary>
public sealed record Package
{
    /// <summary>The cataloger's name: dpkg, apk, rpm, npm, python, java, go, dotnet, rust, ruby, php.</summary>
    public required string Ecosystem { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>A package URL per the purl specification (with qualifiers such as arch and distro).</summary>
    public required string Purl { get; init; }

    /// <summary>Declared licences, as SPDX expressions where the metadata gives them.</summary>
    public IReadOnlyList<string> Licenses { get; init; } = [];

    public IReadOnlyList<PackageLocation> Locations { get; init; } = [];

    /// <summary>OS packages: the source package name and version (dpkg <c>Source:</c>, apk origin, rpm source rpm).</summary>
    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    public string? Architecture { get; init; }

    /// <summary>
    /// The image's own application rather than something it depends on: a <c>package.json</c> outside
    /// <c>node_modules</c>, a root <c>composer.json</c>. CycloneDX writes it as an <c>application</c> component, SPDX
    /// with <c>primaryPackagePurpose: APPLICATION</c>.
    /// </summary>
    public bool IsApplication { get; init; }

    /// <summary>
    /// A development dependency (composer.lock's <c>packages-dev</c>), not needed to run the application: CycloneDX
    /// <c>scope: optional</c>, SPDX <c>DEV_DEPENDENCY_OF</c> the application of the same folder (else the image).
    /// </summary>
    public bool IsDevelopment { get; init; }

    /// <summary>OS packages: the files the package manager says it installed (kept as evidence, not reported again).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
