namespace Strata.Fuzz;

/// <summary>Where a case's image comes from, as strata names it on its command line.</summary>
internal enum SourceKind
{
    OciLayout,
    OciArchive,
    DockerArchive,
    Registry,
}
