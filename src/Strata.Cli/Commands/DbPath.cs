using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>The database a <c>strata db</c> command works on: <c>--db</c>, else <c>osv/osv.sqlite</c> in the cache folder.</summary>
internal static class DbPath
{
    public static string Resolve(CliContext context, DbSettings settings) => settings.Db is { } db
        ? context.ResolvePath(db)
        : AdvisoryStore.DefaultPath(RegistryAccessFactory.Cache(context, settings.CacheDir).Root);

    /// <summary>The same, for a command that writes it: the default's folder is made when missing (a named one must exist).</summary>
    public static string ForWriting(CliContext context, DbSettings settings)
    {
        var path = Resolve(context, settings);
        if (settings.Db is null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Images.StrataException($"{Path.GetDirectoryName(path)}: cannot make the database's folder ({e.Message})");
            }
        }
        return path;
    }
}
