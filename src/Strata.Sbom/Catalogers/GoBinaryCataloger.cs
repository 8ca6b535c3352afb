using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Binaries;
using Strata.Sbom.Catalogers.Go;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Go modules compiled into executables (ELF, PE, Mach-O, fat Mach-O), found by their first bytes and read from the build info
/// the Go linker embeds: the main module, the dependencies and the toolchain (<c>stdlib</c>).
/// </summary>
public sealed class GoBinaryCataloger : ExecutableCataloger
{
    public override string Name => GoModulePackages.Ecosystem;

    protected override List<Package> CatalogFile(CapturedFile file, CatalogContext context)
    {
        var path = "/" + file.Path;
        var problems = new List<string>();
        var images = ExecutableReader.Read(file.Bytes, problems);
        var info = GoBuildInfoReader.Read(file.Bytes, images, out var problem);
        if (problem is not null)
        {
            context.Warn($"{path}: Go build info {problem}");
        }
        if (info is null)
        {
            var damage = problems.Concat(images.SelectMany(i => i.Damage)).FirstOrDefault();
            if (problem is null && damage is not null && GoExecutableMarks.Present(file.Bytes.Span, images))
            {
                context.Warn($"{path}: a Go executable, but damaged or cut short ({damage}); its build info was not found");
            }
            return [];
        }
        var modules = GoModuleInfo.Parse(info.ModuleInfo);
        foreach (var line in modules.Problems)
        {
            context.Warn($"{path}: Go module information {line}");
        }
        return GoModulePackages.From(info, modules, context.Locate(file.Layer, file.Path));
    }
}
