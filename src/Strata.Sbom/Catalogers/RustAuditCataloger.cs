using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Binaries;
using Strata.Sbom.Catalogers.Rust;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Rust crates compiled into executables built with cargo-auditable (ELF, PE, Mach-O), found by their first bytes and read from
/// the <c>.dep-v0</c> section. Build-time crates (build scripts, proc macros) are left out: they are not in the executable.
/// </summary>
public sealed class RustAuditCataloger : ExecutableCataloger
{
    public override string Name => "rust";

    protected override List<Package> CatalogFile(CapturedFile file, CatalogContext context)
    {
        var images = ExecutableReader.Read(file.Bytes, []);
        var crates = RustAuditReader.Read(images, out var problem);
        if (problem is not null)
        {
            context.Warn($"/{file.Path}: cargo-auditable dependency list {problem}");
        }
        if (crates is null)
        {
            return [];
        }
        var location = context.Locate(file.Layer, file.Path);
        return crates
            .Where(c => c.Kind == "runtime")
            .Select(c => new Package
            {
                Ecosystem = Name,
                Name = c.Name,
                Version = c.Version,
                Purl = PackageUrl.Create("cargo", null, c.Name, c.Version),
                Locations = [location],
            })
            .ToList();
    }
}
