using Strata.TestKit;

namespace Strata.Sbom.Tests.Language;

/// <summary>The shared language package fixtures under <c>pkgdb/language</c>, by path relative to that folder.</summary>
internal static class LanguageFixtures
{
    public static string Root { get; } = Path.Combine(Fixtures.Shared, "pkgdb", "language");

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    /// <summary>Every fixture file of an ecosystem folder (javascript, python, java, dotnet), relative to <see cref="Root"/>, with / separators.</summary>
    public static IEnumerable<string> All(string ecosystem) =>
        Directory.EnumerateFiles(Path.Combine(Root, ecosystem), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
