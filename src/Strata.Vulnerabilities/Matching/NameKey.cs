namespace Strata.Vulnerabilities.Matching;

/// <summary>(ecosystem base, name) keys compared without regard to case, as <see cref="IAdvisorySource.Find"/> asks.</summary>
internal static class NameKey
{
    public static readonly IEqualityComparer<(string, string)> Comparer = new IgnoreCase();

    private sealed class IgnoreCase : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string, string) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item2));
    }
}
