namespace Strata.Sbom.Model;

/// <summary>The image's operating system, from os-release and the distribution's own version files.</summary>
public sealed record OsInfo(string Id, string VersionId, string? PrettyName, string? VersionCodename)
{
    /// <summary>The purl <c>distro</c> qualifier: <c>debian-12</c>, <c>alpine-3.20.3</c>.</summary>
    public string Distro => VersionId.Length == 0 ? Id : $"{Id}-{VersionId}";
}
