namespace Strata.Sbom.Catalogers;

/// <summary>The one place catalogers are registered.</summary>
public static class CatalogerRegistry
{
    public static IReadOnlyList<IPackageCataloger> All() =>
    [
        new DpkgCataloger(),
        new ApkCataloger(),
        new RpmCataloger(),
        new NpmCataloger(),
        new PythonCataloger(),
        new JavaCataloger(),
        new DotnetCataloger(),
        new RubyCataloger(),
        new PhpCataloger(),
        new GoBinaryCataloger(),
        new RustAuditCataloger(),
    ];
}
