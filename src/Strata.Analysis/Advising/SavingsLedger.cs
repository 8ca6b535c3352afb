using Strata.Analysis.Model;

namespace Strata.Analysis.Advising;

/// <summary>
/// The stored files each size finding counts, so that no bytes are counted twice: the advisors run in a fixed order
/// (dead bytes, caches, documentation, duplicates, toolchains) and each counts only entries no earlier one claimed.
/// An entry is one (layer, path): a file stored in a layer, whether the final file system shows it or not.
/// </summary>
public sealed class SavingsLedger
{
    private readonly HashSet<(int Layer, string Path)> _claimed = [];

    /// <summary>Claims the entry; false (and nothing to count) when an earlier finding already counted it.</summary>
    public bool Claim(int layer, string path) => _claimed.Add((layer, path));

    public bool IsClaimed(int layer, string path) => _claimed.Contains((layer, path));

    /// <summary>Claims each entry not yet claimed and returns those, so a finding counts exactly them.</summary>
    public List<(int Layer, FileEntry Entry)> ClaimAll(IEnumerable<(int Layer, FileEntry Entry)> entries) =>
        entries.Where(e => Claim(e.Layer, e.Entry.Path)).ToList();
}
