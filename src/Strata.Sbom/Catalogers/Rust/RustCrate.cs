namespace Strata.Sbom.Catalogers.Rust;

/// <summary>A crate as cargo-auditable records it: <paramref name="Kind"/> is <c>runtime</c> (the default) or <c>build</c>.</summary>
internal sealed record RustCrate(string Name, string Version, string? Source, string Kind, bool Root);
