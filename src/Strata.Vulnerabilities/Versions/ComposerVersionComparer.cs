using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Packagist's version order: Composer trims the text and drops a 'v' before a digit, then orders with PHP's
/// <c>version_compare</c> (<see cref="PhpVersionCompare"/>). <see cref="IsValid"/> follows Composer's VersionParser:
/// up to four numbers (or a date) with an optional stability suffix, build metadata after '+', numeric branches
/// ending in -dev, and dev- branches.
/// </summary>
public sealed partial class ComposerVersionComparer : IVersionComparer
{
    private const string Modifier = @"[._-]?(?:(?:stable|beta|b|rc|alpha|a|patch|pl|p)(?:[.-]?[0-9]+)*)?(?:[.-]?dev)?";

    public IReadOnlyList<string> Ecosystems { get; } = ["Packagist"];

    public int Compare(string? x, string? y) => PhpVersionCompare.Compare(Normalize(x ?? ""), Normalize(y ?? ""));

    public bool IsValid(string version)
    {
        var text = version.Trim();
        if (BranchName().IsMatch(text))
        {
            return true;
        }
        var metadata = text.IndexOf('+', StringComparison.Ordinal);
        if (metadata > 0 && BuildMetadata().IsMatch(text[metadata..]))
        {
            text = text[..metadata];
        }
        if (Classical().IsMatch(text) || DateBased().IsMatch(text))
        {
            return true;
        }
        var branch = DevSuffix().Match(text);
        return branch.Success && NumericBranch().IsMatch(branch.Groups["name"].Value);
    }

    private static string Normalize(string version)
    {
        var text = version.Trim();
        return text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;
    }

    [GeneratedRegex(@"^(?:dev-\S+|(?:dev-)?(?:master|trunk|default))\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BranchName();

    [GeneratedRegex(@"^\+\S+\z", RegexOptions.CultureInvariant)]
    private static partial Regex BuildMetadata();

    [GeneratedRegex(@"^v?[0-9]{1,5}(?:\.[0-9]+){0,3}" + Modifier + @"\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Classical();

    [GeneratedRegex(@"^v?[0-9]{4}(?:[.:-]?[0-9]{2}){1,6}(?:[.:-]?[0-9]{1,3}){0,2}" + Modifier + @"\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateBased();

    [GeneratedRegex(@"^(?<name>.*?)[.-]?dev\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DevSuffix();

    [GeneratedRegex(@"^v?[0-9]+(?:\.(?:[0-9]+|[xX*])){0,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumericBranch();
}
