using Strata.Analysis.Explore;
using Strata.Analysis.Model;

namespace Strata.Analysis.Tests.Explore;

internal static class ExplorerRows
{
    /// <summary>Every row as "path mark" with the mark's initial (A, M, R, U).</summary>
    public static string[] Marked(this ExplorerModel model) =>
        model.Rows(0, model.RowCount).Select(r => $"{r.Path} {r.Change.ToString()[0]}").ToArray();

    public static string[] Paths(this ExplorerModel model) => model.Rows(0, model.RowCount).Select(r => r.Path).ToArray();

    public static ExplorerRow Row(this ExplorerModel model, string path) => model.Rows(0, model.RowCount).Single(r => r.Path == path);

    public static int RowIndex(this ExplorerModel model, string path) => model.Paths().ToList().IndexOf(path);

    public static ExplorerModel At(this ExplorerModel model, int layer, TreeScope scope)
    {
        model.SelectedLayer = layer;
        model.Scope = scope;
        return model;
    }

    public static ChangeKind Mark(this ExplorerModel model, string path) => model.Row(path).Change;
}
