namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// An Alpine package version split as apk-package(5) describes it:
/// <c>number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}</c>. Parsing never fails: what does not fit the
/// grammar is kept as <see cref="Remainder"/>, so a malformed version still orders.
/// </summary>
internal sealed record ApkVersion(
    IReadOnlyList<string> Numbers,
    char? Letter,
    IReadOnlyList<ApkSuffix> Suffixes,
    string? Hash,
    string? Revision,
    string Remainder)
{
    /// <summary>The rank of a version with no suffix: after the pre-release suffixes, before the post-release ones.</summary>
    public const int NoSuffixRank = 4;

    private static readonly string[] SuffixNames = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];

    public static ApkVersion Parse(string text)
    {
        var position = 0;
        var numbers = new List<string>();
        if (position < text.Length && (char.IsAsciiDigit(text[0]) || text[0] == '.'))
        {
            numbers.Add(ReadDigits(text, ref position));
            while (position < text.Length && text[position] == '.')
            {
                position++;
                numbers.Add(ReadDigits(text, ref position));
            }
        }

        char? letter = null;
        if (position < text.Length && char.IsAsciiLetterLower(text[position]))
        {
            letter = text[position++];
        }

        var suffixes = new List<ApkSuffix>();
        while (position < text.Length && text[position] == '_' && MatchSuffix(text, position + 1) is { } rank)
        {
            position += 1 + SuffixNames[rank].Length;
            suffixes.Add(new ApkSuffix(rank, ReadDigits(text, ref position)));
        }

        string? hash = null;
        if (position < text.Length && text[position] == '~')
        {
            var start = ++position;
            while (position < text.Length && char.IsAsciiHexDigitLower(text[position]))
            {
                position++;
            }
            hash = text[start..position];
        }

        string? revision = null;
        if (string.CompareOrdinal(text, position, "-r", 0, 2) == 0)
        {
            position += 2;
            revision = ReadDigits(text, ref position);
        }

        return new ApkVersion(numbers, letter, suffixes, hash, revision, text[position..]);
    }

    /// <summary>Whether the whole string follows the grammar, with every number present, as <c>apk version -c</c> requires.</summary>
    public bool IsWellFormed =>
        Numbers.Count > 0 && Numbers.All(n => n.Length > 0) && Hash is not "" && Revision is not "" && Remainder.Length == 0;

    private static int? MatchSuffix(string text, int start)
    {
        // "pre" is tried before "p", the only name that is a prefix of another.
        for (var rank = 0; rank < SuffixNames.Length; rank++)
        {
            var name = SuffixNames[rank];
            if (name.Length > 0 && string.CompareOrdinal(text, start, name, 0, name.Length) == 0)
            {
                return rank;
            }
        }
        return null;
    }

    private static string ReadDigits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }
        return text[start..position];
    }
}

/// <summary>One <c>_name{number}</c> suffix: the name's rank in apk's suffix order, and its number (empty when none).</summary>
internal readonly record struct ApkSuffix(int Rank, string Number);
