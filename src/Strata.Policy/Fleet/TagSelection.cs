using System.Globalization;
using Strata.Images;

namespace Strata.Policy.Fleet;

/// <summary>
/// Which tags of each repository are scanned: <c>latest</c> (the tag named latest, when there is one), <c>all</c>, or
/// <c>newest:N</c>, the N whose image config says it was created last (the config's <c>created</c>; a tag without one
/// counts as oldest, and equal times are ordered by tag name).
/// </summary>
public sealed record TagSelection(TagSelectionKind Kind, int Count)
{
    public static readonly TagSelection Latest = new(TagSelectionKind.Latest, 1);

    public static TagSelection Parse(string text, string option)
    {
        if (text == "latest")
        {
            return Latest;
        }
        if (text == "all")
        {
            return new TagSelection(TagSelectionKind.All, 0);
        }
        if (text.StartsWith("newest:", StringComparison.Ordinal))
        {
            var number = text["newest:".Length..];
            return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? new TagSelection(TagSelectionKind.Newest, n)
                : throw new StrataException($"{option}: '{number}' in '{text}' is not a whole number of tags, 1 or more");
        }
        throw new StrataException($"{option}: '{text}' is not a tag selection (latest, all or newest:N)");
    }

    public override string ToString() => Kind switch
    {
        TagSelectionKind.Latest => "latest",
        TagSelectionKind.All => "all",
        _ => string.Create(CultureInfo.InvariantCulture, $"newest:{Count}"),
    };
}

public enum TagSelectionKind
{
    Latest,
    All,
    Newest,
}
