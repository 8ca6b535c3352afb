namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// A version in SemVer 2.0's shape, <c>[v]N.N.N[-pre.release][+build]</c>, read tolerantly: any number of numeric
/// core parts (missing ones count as 0) and numbers of any length. Build metadata is kept but takes no part in
/// <see cref="Compare"/>.
/// </summary>
internal sealed record SemVerVersion(string[] Core, string[] Prerelease, string? Build)
{
    public static SemVerVersion? Parse(string text)
    {
        var rest = text.StartsWith('v') ? text[1..] : text;
        string? build = null;
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
        }
        string[] prerelease = [];
        var hyphen = rest.IndexOf('-', StringComparison.Ordinal);
        if (hyphen >= 0)
        {
            prerelease = rest[(hyphen + 1)..].Split('.');
            rest = rest[..hyphen];
            if (prerelease.Any(p => p.Length == 0))
            {
                return null;
            }
        }
        var core = rest.Split('.');
        return core.All(p => NumericText.IsDigits(p)) ? new SemVerVersion(core, prerelease, build) : null;
    }

    /// <summary>SemVer 2.0 precedence: core parts by value, then a release above its pre-releases, then the pre-release identifiers.</summary>
    public static int Compare(SemVerVersion a, SemVerVersion b, StringComparison labelComparison = StringComparison.Ordinal)
    {
        var order = CompareCore(a.Core, b.Core);
        if (order != 0)
        {
            return order;
        }
        if ((a.Prerelease.Length == 0) != (b.Prerelease.Length == 0))
        {
            return a.Prerelease.Length == 0 ? 1 : -1;
        }
        return IdentifierList.Compare(a.Prerelease, b.Prerelease, labelComparison);
    }

    public static int CompareCore(string[] a, string[] b)
    {
        for (var i = 0; i < a.Length || i < b.Length; i++)
        {
            var order = NumericText.Compare(i < a.Length ? a[i] : "0", i < b.Length ? b[i] : "0");
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    /// <summary>Whether every pre-release and build identifier uses only SemVer's characters <c>[0-9A-Za-z-]</c>.</summary>
    public bool HasWellFormedLabels()
    {
        var build = Build is null ? [] : Build.Split('.');
        return Prerelease.Concat(build).All(IsWellFormedIdentifier);
    }

    private static bool IsWellFormedIdentifier(string identifier) =>
        identifier.Length > 0 && identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
