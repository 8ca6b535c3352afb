namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// R's package version ordering (<c>package_version</c> in base R): numbers separated by <c>.</c> or <c>-</c>,
/// compared part by part by value (<c>0.01</c> is <c>0.1</c>), where a longer list that starts with a shorter one is
/// greater (<c>1.8 &lt; 1.8.0</c>).
/// </summary>
public sealed class CranVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["CRAN", "Bioconductor"];

    /// <summary>R requires at least two numbers (<c>1.0</c>, not <c>1</c>); OSV's <c>0</c>, "since the first version", is allowed too.</summary>
    public bool IsValid(string version) => version == "0" || Parse(version) is { Length: >= 2 };

    public int Compare(string? x, string? y) => ParsedOrdering.Compare(x, y, Parse, NumericText.CompareLists);

    private static string[]? Parse(string version)
    {
        var parts = version.Split('.', '-');
        return parts.All(p => NumericText.IsDigits(p)) ? parts : null;
    }
}
