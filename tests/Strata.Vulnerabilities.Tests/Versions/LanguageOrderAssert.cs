using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Assertions over a comparer that check every pair, both ways round.</summary>
internal static class LanguageOrderAssert
{
    /// <summary>Each version is below every later one, and above every earlier one.</summary>
    public static void Ascending(IVersionComparer comparer, params string[] versions)
    {
        var wrong = new List<string>();
        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = i + 1; j < versions.Length; j++)
            {
                if (comparer.Compare(versions[i], versions[j]) >= 0 || comparer.Compare(versions[j], versions[i]) <= 0)
                {
                    wrong.Add($"{versions[i]} < {versions[j]}");
                }
            }
        }
        Assert.True(wrong.Count == 0, "not in order: " + string.Join(", ", wrong));
    }

    /// <summary>The two spellings are the same version, both ways round.</summary>
    public static void Same(IVersionComparer comparer, string a, string b)
    {
        Assert.True(comparer.Compare(a, b) == 0 && comparer.Compare(b, a) == 0, $"expected {a} = {b}");
    }
}
