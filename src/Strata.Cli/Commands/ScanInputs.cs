using System.Globalization;
using Strata.Images;
using Strata.Policy.Policies;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>The checks of scan's option values and files, each failure naming the option.</summary>
internal static class ScanInputs
{
    /// <summary>The largest Dockerfile read for --dockerfile: far beyond any real one, and a bound on memory.</summary>
    private const long MaxDockerfileBytes = 1 << 20;

    public static int? WholeNumber(string? text, string option, int min, int max)
    {
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new StrataException(string.Create(CultureInfo.InvariantCulture, $"{option}: '{text}' is not a whole number from {min} to {max}"));
        }
        return value;
    }

    /// <summary>The file an option names, resolved; a missing one is an error naming the option.</summary>
    public static string ExistingFile(CliContext context, string path, string option)
    {
        var full = context.ResolvePath(path);
        if (!File.Exists(full))
        {
            throw new StrataException($"{option}: {path}: no such file");
        }
        return full;
    }

    /// <summary>
    /// The Dockerfile's path and its text, for SARIF locations: relative to the working folder when the file is under it
    /// (code scanning resolves locations against the repository's root, where CI runs), else as given.
    /// </summary>
    public static (string Path, string Text)? Dockerfile(CliContext context, string? path)
    {
        if (path is null)
        {
            return null;
        }
        var full = ExistingFile(context, path, "--dockerfile");
        if (new FileInfo(full).Length > MaxDockerfileBytes)
        {
            throw new StrataException($"--dockerfile: {path}: larger than 1 MiB, not a Dockerfile");
        }
        try
        {
            var relative = Path.GetRelativePath(context.WorkingDirectory, full);
            var shown = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? path
                : relative;
            return (shown, File.ReadAllText(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"--dockerfile: {path}: {e.Message}");
        }
    }

    /// <summary>The database --db names, or the default one in the cache folder; a missing one says how to get it.</summary>
    public static string Database(CliContext context, string? db, string? cacheDir) =>
        OptionalDatabase(context, db, cacheDir) ?? throw new StrataException(
            $"no vulnerability database at {DefaultDatabase(context, cacheDir)}: run 'strata db update' (or 'strata db import PATH...' offline) first, or name one with --db");

    /// <summary>The database --db names (which must exist), else the default one if it exists, else none.</summary>
    public static string? OptionalDatabase(CliContext context, string? db, string? cacheDir)
    {
        if (db is not null)
        {
            return NamedDatabase(context, db);
        }
        var path = DefaultDatabase(context, cacheDir);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The database --db names, resolved; a missing one is an error saying how to create it.</summary>
    public static string NamedDatabase(CliContext context, string given)
    {
        var full = context.ResolvePath(given);
        return File.Exists(full)
            ? full
            : throw new StrataException($"--db: {given}: no such file; create it with 'strata db update --db {given}' or 'strata db import --db {given} PATH...'");
    }

    /// <summary>The policies of --policy, else of strata-policy.yaml in the working folder, else the built-in ones.</summary>
    public static PolicySet Policies(CliContext context, string? policy)
    {
        if (policy is not null)
        {
            return PolicySet.Load(ExistingFile(context, policy, "--policy"), policy);
        }
        var found = context.ResolvePath(PolicySet.FileName);
        return File.Exists(found) ? PolicySet.Load(found, PolicySet.FileName) : PolicySet.Default;
    }

    private static string DefaultDatabase(CliContext context, string? cacheDir) =>
        AdvisoryStore.DefaultPath(RegistryAccessFactory.Cache(context, cacheDir).Root);
}
