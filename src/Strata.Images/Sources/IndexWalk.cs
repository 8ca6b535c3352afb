using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>
/// Bounds one walk down a tree of image indexes, wherever it is read from: at most <see cref="MaxDepth"/> levels and
/// <see cref="MaxManifests"/> descriptors in all, and a digest already visited is not walked again (a tree that
/// names the same index many times, or a cycle, costs nothing more).
/// </summary>
public sealed class IndexWalk(string where)
{
    public const int MaxDepth = 8;
    public const int MaxManifests = 1000;

    private readonly HashSet<Digest> _visited = [];

    /// <summary>
    /// Records a visit to <paramref name="descriptor"/> at <paramref name="depth"/> (0 for the top); false when its
    /// digest was visited already, an error past either bound.
    /// </summary>
    public bool Enter(Descriptor descriptor, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new StrataException($"{where}: image indexes nest more than {MaxDepth} deep");
        }
        if (!_visited.Add(descriptor.Digest))
        {
            return false;
        }
        if (_visited.Count > MaxManifests)
        {
            throw new StrataException($"{where}: the index tree lists more than {MaxManifests} manifests");
        }
        return true;
    }
}
