namespace Strata.TestKit;

/// <summary>Paths to the shared, read-only test images (../shared from the repository root).</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    public static string Dive(string name) => Path.Combine(Shared, "dive", name);

    public static string Images(string name) => Path.Combine(Shared, "images", name);

    public static string OciLayout => Images("oci");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "strata.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("strata.slnx not found above " + AppContext.BaseDirectory);
    }
}
