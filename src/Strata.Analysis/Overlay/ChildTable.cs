namespace Strata.Analysis.Overlay;

/// <summary>
/// A folder's children by name: open addressing over a power-of-two array of the nodes themselves, linear probing,
/// at most three quarters full. A million-file image holds one child per entry; a <see cref="HashSet{T}"/> spent
/// about 45 bytes on each (cached hash, chain link, prime-sized growth), this table 11 to 21.
/// </summary>
internal sealed class ChildTable
{
    private const int InitialSlots = 4;

    private MergedNode?[] _slots = new MergedNode?[InitialSlots];

    public int Count { get; private set; }

    public MergedNode? Find(ReadOnlySpan<char> name)
    {
        var mask = _slots.Length - 1;
        for (var i = Home(name, mask); ; i = (i + 1) & mask)
        {
            var node = _slots[i];
            if (node is null || node.NameSpan.SequenceEqual(name))
            {
                return node;
            }
        }
    }

    /// <summary>Adds a node whose name no child has yet.</summary>
    public void Add(MergedNode node)
    {
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }
        Place(_slots, node);
        Count++;
    }

    public void Remove(MergedNode node)
    {
        var mask = _slots.Length - 1;
        var i = Home(node.NameSpan, mask);
        while (!ReferenceEquals(_slots[i], node))
        {
            if (_slots[i] is null)
            {
                return;
            }
            i = (i + 1) & mask;
        }
        _slots[i] = null;
        Count--;
        // Backward shift: move up every later node of the run whose home does not lie between the hole and itself.
        for (var j = (i + 1) & mask; _slots[j] is { } moving; j = (j + 1) & mask)
        {
            var home = Home(moving.NameSpan, mask);
            var stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays)
            {
                _slots[i] = moving;
                _slots[j] = null;
                i = j;
            }
        }
    }

    /// <summary>The children in no particular order; the table must not change while this runs.</summary>
    public IEnumerable<MergedNode> Nodes()
    {
        foreach (var node in _slots)
        {
            if (node is not null)
            {
                yield return node;
            }
        }
    }

    /// <summary>Pushes every child onto <paramref name="pending"/>, without an enumerator.</summary>
    public void PushAll(Stack<MergedNode> pending)
    {
        foreach (var node in _slots)
        {
            if (node is not null)
            {
                pending.Push(node);
            }
        }
    }

    private void Grow()
    {
        var larger = new MergedNode?[_slots.Length * 2];
        foreach (var node in _slots)
        {
            if (node is not null)
            {
                Place(larger, node);
            }
        }
        _slots = larger;
    }

    private static void Place(MergedNode?[] slots, MergedNode node)
    {
        var mask = slots.Length - 1;
        var i = Home(node.NameSpan, mask);
        while (slots[i] is not null)
        {
            i = (i + 1) & mask;
        }
        slots[i] = node;
    }

    private static int Home(ReadOnlySpan<char> name, int mask) => string.GetHashCode(name) & mask;
}
