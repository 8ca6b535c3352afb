using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Store;

/// <summary>The offline OSV database: one SQLite file, indexed by ecosystem and package name.</summary>
public sealed class AdvisoryStore : IAdvisorySource, IDisposable
{
    /// <summary>Where the database lives by default: <c>CACHE_ROOT/osv/osv.sqlite</c>.</summary>
    public static string DefaultPath(string cacheRoot) => Path.Combine(cacheRoot, "osv", "osv.sqlite");

    /// <summary>Opens an existing database read-only; a missing or foreign file is a StrataException naming it.</summary>
    public static AdvisoryStore Open(string path) => throw new NotImplementedException(path);

    public IReadOnlyList<OsvRecord> Find(string ecosystemBase, string name) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
