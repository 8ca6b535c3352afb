using Strata.Analysis.Overlay;

namespace Strata.Analysis.Tests.Overlay;

public sealed class ChildTableTests
{
    [Fact]
    public void Every_child_left_after_removals_is_found_by_name_and_no_removed_one_is()
    {
        // Enough names to grow the table several times and to make runs of probes, so removals shift nodes back.
        var names = Enumerable.Range(0, 500).Select(i => $"file{i:D3}.py").ToList();
        var table = new ChildTable();
        var nodes = names.ToDictionary(n => n, n => new MergedNode("pkg/" + n, 4, null, 0));
        foreach (var node in nodes.Values)
        {
            table.Add(node);
        }
        var removed = names.Where((_, i) => i % 3 == 1).ToHashSet();
        foreach (var name in removed)
        {
            table.Remove(nodes[name]);
        }

        Assert.Equal(500 - removed.Count, table.Count);
        foreach (var name in names)
        {
            var found = table.Find(name);
            if (removed.Contains(name))
            {
                Assert.Null(found);
            }
            else
            {
                Assert.Same(nodes[name], found);
            }
        }
        Assert.Equal(names.Where(n => !removed.Contains(n)).Order(), table.Nodes().Select(n => n.Name).Order());
        Assert.Null(table.Find("file500.py"));
        Assert.Null(table.Find("pkg"));
    }

    [Fact]
    public void Removing_every_child_in_turn_leaves_the_others_reachable()
    {
        var table = new ChildTable();
        var nodes = Enumerable.Range(0, 40).Select(i => new MergedNode($"n{i}", 0, null, 0)).ToList();
        nodes.ForEach(table.Add);
        for (var i = 0; i < nodes.Count; i++)
        {
            table.Remove(nodes[i]);
            Assert.Null(table.Find($"n{i}"));
            for (var k = i + 1; k < nodes.Count; k++)
            {
                Assert.Same(nodes[k], table.Find($"n{k}"));
            }
        }
        Assert.Equal(0, table.Count);
    }
}
