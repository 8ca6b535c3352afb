using Strata.Vulnerabilities.Osv;
using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// Whether an <c>affected</c> entry covers a version, evaluated as the OSV schema's "Evaluation" pseudocode says: the
/// version is listed in <c>versions</c>, or lies in an ECOSYSTEM or SEMVER range (events sorted, <c>introduced: "0"</c>
/// before every version, <c>limit</c> bounding the range). GIT ranges need the repository's history and match nothing.
/// </summary>
internal static class RangeEvaluator
{
    /// <summary>
    /// Null when the version is not affected; else the <c>fixed</c> versions above it in the ranges that hold it (empty
    /// when no fix is known), in ascending order.
    /// </summary>
    public static IReadOnlyList<string>? Evaluate(OsvAffected affected, string version, IVersionComparer ecosystem, IVersionComparer? semver)
    {
        var listed = affected.Versions.Any(v => v == version || (ecosystem.IsValid(v) && ecosystem.Compare(v, version) == 0));
        var fixes = new List<string>();
        var inRange = false;
        foreach (var range in affected.Ranges)
        {
            var comparer = range.Type switch
            {
                "ECOSYSTEM" => ecosystem,
                "SEMVER" => semver,
                _ => null,
            };
            if (comparer is null || !comparer.IsValid(version) || Events(range, comparer) is not { } events || !Includes(events, version, comparer))
            {
                continue;
            }
            inRange = true;
            fixes.AddRange(events.Where(e => e.Kind == EventKind.Fixed && comparer.Compare(e.Version, version) > 0).Select(e => e.Version));
        }
        if (!listed && !inRange)
        {
            return null;
        }
        return fixes.Distinct(StringComparer.Ordinal).Order(ecosystem).ToList();
    }

    private enum EventKind
    {
        Introduced,
        Fixed,
        LastAffected,
        Limit,
    }

    private sealed record Event(EventKind Kind, string Version)
    {
        /// <summary><c>introduced: "0"</c> sorts before any version; <c>limit: "*"</c> after all of them.</summary>
        public bool IsZero => Kind == EventKind.Introduced && Version == "0";

        public bool IsInfinity => Kind == EventKind.Limit && Version.Contains('*', StringComparison.Ordinal);
    }

    /// <summary>The range's events, or null when one of them is not a version of the range's ordering (the range is skipped).</summary>
    private static List<Event>? Events(OsvRange range, IVersionComparer comparer)
    {
        var events = new List<Event>();
        foreach (var e in range.Events)
        {
            var parsed = e switch
            {
                { Introduced: { } v } => new Event(EventKind.Introduced, v),
                { Fixed: { } v } => new Event(EventKind.Fixed, v),
                { LastAffected: { } v } => new Event(EventKind.LastAffected, v),
                { Limit: { } v } => new Event(EventKind.Limit, v),
                _ => null,
            };
            if (parsed is null)
            {
                continue;
            }
            if (!parsed.IsZero && !parsed.IsInfinity && !comparer.IsValid(parsed.Version))
            {
                return null;
            }
            events.Add(parsed);
        }
        return events;
    }

    private static bool Includes(List<Event> events, string version, IVersionComparer comparer)
    {
        var limits = events.Where(e => e.Kind == EventKind.Limit).ToList();
        if (limits.Count > 0 && !limits.Any(l => l.IsInfinity || comparer.Compare(version, l.Version) < 0))
        {
            return false;
        }
        var vulnerable = false;
        foreach (var e in events.Where(e => e.Kind != EventKind.Limit).Order(new EventOrder(comparer)))
        {
            if (e.Kind == EventKind.Introduced && (e.IsZero || comparer.Compare(version, e.Version) >= 0))
            {
                vulnerable = true;
            }
            else if (e.Kind == EventKind.Fixed && comparer.Compare(version, e.Version) >= 0)
            {
                vulnerable = false;
            }
            else if (e.Kind == EventKind.LastAffected && comparer.Compare(version, e.Version) > 0)
            {
                vulnerable = false;
            }
        }
        return vulnerable;
    }

    /// <summary>Events by version; at one version, introduced before fixed (a range that opens and closes there holds nothing).</summary>
    private sealed class EventOrder(IVersionComparer comparer) : IComparer<Event>
    {
        public int Compare(Event? x, Event? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }
            var byVersion = (x.IsZero, y.IsZero) switch
            {
                (true, true) => 0,
                (true, false) => -1,
                (false, true) => 1,
                _ => comparer.Compare(x.Version, y.Version),
            };
            return byVersion != 0 ? byVersion : x.Kind.CompareTo(y.Kind);
        }
    }
}
