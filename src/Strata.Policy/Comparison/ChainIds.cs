using System.Security.Cryptography;
using System.Text;
using Strata.Images.Model;

namespace Strata.Policy.Comparison;

/// <summary>
/// The ChainID of each layer, as the OCI image spec defines it (config.md, "Layer ChainID"): the first layer's is its
/// DiffID, each next one is SHA256(parent ChainID + " " + DiffID). Equal ChainIDs mean the same layers in the same
/// order up to there, which a lone DiffID does not.
/// </summary>
public static class ChainIds
{
    public static IReadOnlyList<string> Of(IEnumerable<Digest> diffIds)
    {
        var chain = new List<string>();
        foreach (var diffId in diffIds)
        {
            var text = diffId.ToString();
            chain.Add(chain.Count == 0
                ? text
                : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chain[^1] + " " + text))));
        }
        return chain;
    }
}
