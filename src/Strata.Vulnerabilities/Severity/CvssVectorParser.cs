namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// Splits a CVSS vector string (<c>CVSS:3.1/AV:N/AC:L/...</c>) into its metrics, strictly: the exact prefix, every
/// metric known and given once, every value one the metric allows, and every required metric present. Anything else
/// yields null, so a bad vector gives no score instead of a wrong one.
/// </summary>
internal static class CvssVectorParser
{
    /// <param name="vector">The vector string; surrounding white space is ignored.</param>
    /// <param name="prefix">The version prefix, such as <c>CVSS:3.1</c>.</param>
    /// <param name="metrics">Each metric the version defines, in the specification's order, with its allowed values.</param>
    /// <param name="required">The metrics a vector must contain.</param>
    /// <param name="inOrder">Whether the metrics must appear in the specification's order (CVSS v4.0 requires it).</param>
    public static IReadOnlyDictionary<string, string>? Parse(
        string? vector,
        string prefix,
        IReadOnlyList<(string Metric, string[] Values)> metrics,
        IReadOnlyList<string> required,
        bool inOrder)
    {
        if (vector is null)
        {
            return null;
        }
        var parts = vector.Trim().Split('/');
        if (parts[0] != prefix)
        {
            return null;
        }
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var lastPosition = -1;
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }
            var metric = part[..colon];
            var value = part[(colon + 1)..];
            var position = IndexOf(metrics, metric);
            if (position < 0 || !metrics[position].Values.Contains(value, StringComparer.Ordinal) || !found.TryAdd(metric, value))
            {
                return null;
            }
            if (inOrder && position < lastPosition)
            {
                return null;
            }
            lastPosition = position;
        }
        return required.All(found.ContainsKey) ? found : null;
    }

    private static int IndexOf(IReadOnlyList<(string Metric, string[] Values)> metrics, string metric)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i].Metric == metric)
            {
                return i;
            }
        }
        return -1;
    }
}
