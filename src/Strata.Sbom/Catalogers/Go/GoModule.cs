namespace Strata.Sbom.Catalogers.Go;

/// <summary>A module line of Go module information, with the replacement (<c>=&gt;</c>) that follows it, if any.</summary>
internal sealed record GoModule(string Path, string Version, string Sum)
{
    public GoModule? Replacement { get; init; }
}
