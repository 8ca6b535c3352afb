namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// One item of a parsed Maven version, as Maven's ComparableVersion has them: a number, a qualifier word, or a
/// sub-list started by a hyphen or a digit/letter change. Comparing with null means comparing with padding: the
/// other version has run out of items.
/// </summary>
internal abstract class MavenItem
{
    /// <summary>True for an item equal to padding (0, the empty qualifier, an empty list); trailing ones are dropped.</summary>
    public abstract bool IsNull { get; }

    public abstract int CompareTo(MavenItem? other);
}

/// <summary>
/// A number. Maven keeps numbers in three widths by digit count (up to 9, up to 18, more) and orders a wider one above
/// a narrower one without looking at the digits; equal widths compare by value.
/// </summary>
internal sealed class MavenNumber(string digits) : MavenItem
{
    private readonly string digits = digits;

    private int Width => digits.Length <= 9 ? 0 : digits.Length <= 18 ? 1 : 2;

    public override bool IsNull => !digits.AsSpan().ContainsAnyExcept('0');

    public override int CompareTo(MavenItem? other) => other switch
    {
        null => IsNull ? 0 : 1,
        MavenNumber number when number.Width != Width => Width.CompareTo(number.Width),
        MavenNumber number => NumericText.Compare(digits, number.digits),
        _ => 1, // 1.1 > 1-sp and 1.1 > 1-1
    };
}

/// <summary>
/// A qualifier word. The known ones come in the order alpha, beta, milestone, rc, snapshot, (release), sp; any other
/// word comes after them all, alphabetically.
/// </summary>
internal sealed class MavenWord : MavenItem
{
    private static readonly string[] Known = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    private static readonly string ReleaseRank = Array.IndexOf(Known, "").ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly string rank;

    /// <param name="word">The lower-cased word.</param>
    /// <param name="followedByDigit">True when a digit follows directly, which makes a, b and m short for alpha, beta, milestone.</param>
    public MavenWord(string word, bool followedByDigit)
    {
        if (followedByDigit)
        {
            word = word switch
            {
                "a" => "alpha",
                "b" => "beta",
                "m" => "milestone",
                _ => word,
            };
        }
        word = word switch
        {
            "ga" or "final" or "release" => "",
            "cr" => "rc",
            _ => word,
        };
        var known = Array.IndexOf(Known, word);
        // Maven ranks by this text, compared as text: a known word by its index, an unknown one after them all.
        rank = known >= 0 ? known.ToString(System.Globalization.CultureInfo.InvariantCulture) : Known.Length + "-" + word;
    }

    public override bool IsNull => rank == ReleaseRank;

    public override int CompareTo(MavenItem? other) => other switch
    {
        null => Math.Sign(string.CompareOrdinal(rank, ReleaseRank)), // 1-rc < 1, 1-sp > 1
        MavenWord word => Math.Sign(string.CompareOrdinal(rank, word.rank)),
        _ => -1, // 1.any < 1.1 and 1.any < 1-1
    };
}

/// <summary>A list of items: the whole version, or the part after a hyphen or a digit/letter change.</summary>
internal sealed class MavenList : MavenItem
{
    public List<MavenItem> Items { get; } = [];

    public override bool IsNull => Items.Count == 0;

    /// <summary>Drops trailing padding-equal items, looking past sub-lists that are not themselves empty.</summary>
    public void Normalize()
    {
        for (var i = Items.Count - 1; i >= 0; i--)
        {
            if (Items[i].IsNull)
            {
                Items.RemoveAt(i);
            }
            else if (Items[i] is not MavenList)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Maven's list comparison, written as a loop: a sub-list is always the last item of its list, so going into it
    /// is the last step at that level, and a version of a thousand hyphens cannot exhaust the stack.
    /// </summary>
    public override int CompareTo(MavenItem? other)
    {
        var left = this;
        var right = other;
        var sign = 1;
        while (true)
        {
            switch (right)
            {
                case MavenNumber:
                    return -sign; // 1-1 < 1.0.x
                case MavenWord:
                    return sign; // 1-1 > 1-sp
            }
            // right is a list, or null for padding: every item of left is then compared with padding.
            var rightItems = (right as MavenList)?.Items ?? [];
            var descended = false;
            for (var i = 0; i < Math.Max(left.Items.Count, rightItems.Count) && !descended; i++)
            {
                var l = i < left.Items.Count ? left.Items[i] : null;
                var r = i < rightItems.Count ? rightItems[i] : null;
                if (l is MavenList leftList && r is null or MavenList)
                {
                    (left, right, descended) = (leftList, r, true);
                }
                else if (l is null && r is MavenList rightList)
                {
                    // The shorter side has run out: compare the other with padding and turn the answer round.
                    (left, right, sign, descended) = (rightList, null, -sign, true);
                }
                else
                {
                    var result = l is null ? -r!.CompareTo(null) : l.CompareTo(r);
                    if (result != 0)
                    {
                        return sign * result;
                    }
                }
            }
            if (!descended)
            {
                return 0;
            }
        }
    }
}
