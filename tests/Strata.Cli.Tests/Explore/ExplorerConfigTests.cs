using Strata.Cli.Explore;
using Strata.Images;
using Strata.TestKit;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;

namespace Strata.Cli.Tests.Explore;

/// <summary>The keys of the issue's table, and config.yaml's keys and colours, with errors naming the file and the key.</summary>
public sealed class ExplorerConfigTests
{
    [Fact]
    public void The_default_keys_are_the_issues_table()
    {
        var keys = new KeyMap();

        // ctrl+a toggles the added files in the tree pane and switches to the aggregated view elsewhere.
        Assert.Equal(ExplorerAction.ToggleAdded, keys.Resolve(Key.A.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.AggregatedView, keys.Resolve(Key.A.WithCtrl, inTreePane: false, inWastePane: false));
        Assert.Equal(ExplorerAction.AggregatedView, keys.Resolve(Key.A.WithCtrl, inTreePane: false, inWastePane: true));
        Assert.Equal(ExplorerAction.LayerView, keys.Resolve(Key.L.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.ToggleRemoved, keys.Resolve(Key.R.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Null(keys.Resolve(Key.R.WithCtrl, inTreePane: false, inWastePane: false));
        Assert.Equal(ExplorerAction.ToggleUnchanged, keys.Resolve(Key.U.WithCtrl, inTreePane: true, inWastePane: false));
        // Enter is what a terminal sends for ctrl+m: modified in the tree, the jump in the waste pane.
        Assert.Equal(ExplorerAction.ToggleModified, keys.Resolve(Key.Enter, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Jump, keys.Resolve(Key.Enter, inTreePane: false, inWastePane: true));
        Assert.Equal(ExplorerAction.Down, keys.Resolve(Key.J, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Left, keys.Resolve(Key.H, inTreePane: false, inWastePane: false));
        Assert.Equal(ExplorerAction.PageDown, keys.Resolve(Key.PageDown, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Collapse, keys.Resolve(Key.Space, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.CollapseAll, keys.Resolve(Key.Space.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.ToggleAttributes, keys.Resolve(Key.B.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.ToggleSort, keys.Resolve(Key.O.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Extract, keys.Resolve(Key.E.WithCtrl, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Filter, keys.Resolve(Key.F.WithCtrl, inTreePane: false, inWastePane: false));
        Assert.Equal(ExplorerAction.CloseFilter, keys.Resolve(Key.Esc, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Quit, keys.Resolve(Key.Q, inTreePane: true, inWastePane: false));
        Assert.Equal(ExplorerAction.Quit, keys.Resolve(Key.C.WithCtrl, inTreePane: false, inWastePane: false));
        Assert.Equal(ExplorerAction.SwitchPane, keys.Resolve(Key.Tab, inTreePane: false, inWastePane: false));
    }

    [Fact]
    public void The_file_replaces_the_keys_and_colours_it_names_and_keeps_the_others()
    {
        const string Yaml = """
            explore:
              keys:
                quit: [x, ctrl+q]
                filter: "/"
                toggle-added: alt+a
              colors:
                added: "#00ff00"
                removed: bright-magenta
            """;

        var config = ExplorerConfig.Parse(Yaml, "config.yaml");

        Assert.Equal(ExplorerAction.Quit, config.Keys.Resolve(Key.X, false, false));
        Assert.Equal(ExplorerAction.Quit, config.Keys.Resolve(Key.Q.WithCtrl, false, false));
        Assert.Null(config.Keys.Resolve(Key.Q, false, false));
        Assert.Equal(ExplorerAction.Filter, config.Keys.Resolve(new Key('/'), false, false));
        Assert.Equal(ExplorerAction.ToggleAdded, config.Keys.Resolve(Key.A.WithAlt, true, false));
        // ctrl+a now only switches to the aggregated view, in the tree pane too.
        Assert.Equal(ExplorerAction.AggregatedView, config.Keys.Resolve(Key.A.WithCtrl, true, false));
        Assert.Equal(ExplorerAction.Down, config.Keys.Resolve(Key.J, true, false));
        Assert.Equal(new Color(0, 255, 0), config.Colors.Added);
        Assert.Equal(new Color(ColorName16.BrightMagenta), config.Colors.Removed);
        Assert.Equal(new ExplorerColors().Modified, config.Colors.Modified);
    }

    [Theory]
    [InlineData("explore:\n  keys:\n    qiut: q\n", "explore.keys.qiut: unknown action")]
    [InlineData("explore:\n  keys:\n    quit: ctrl+\n", "explore.keys.quit: 'ctrl+' is not a key")]
    [InlineData("explore:\n  keys:\n    quit: hyper+q\n", "explore.keys.quit: 'hyper+q' is not a key: 'hyper' is not ctrl, alt or shift")]
    [InlineData("explore:\n  keys:\n    quit: []\n", "explore.keys.quit: needs at least one key")]
    [InlineData("explore:\n  colors:\n    added: chartreuse-ish\n", "explore.colors.added: 'chartreuse-ish' is not a colour")]
    [InlineData("explore:\n  colors:\n    addded: green\n", "explore.colors.addded: unknown colour")]
    [InlineData("explore:\n  colours: {}\n", "explore.colours: unknown setting")]
    [InlineData("explore: [1, 2]\n", "explore: must be a mapping")]
    [InlineData("explore:\n  keys: {quit: [q\n", "invalid YAML at line")]
    public void A_bad_file_is_an_error_naming_the_file_and_the_key(string yaml, string expected)
    {
        using var home = new TempDirectory();
        var path = ExplorerConfig.PathFor(name => name == "XDG_CONFIG_HOME" ? home.Path : null)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<StrataException>(() => ExplorerConfig.Load(path));

        Assert.StartsWith($"{home.Path}/strata/config.yaml: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_deeply_nested_brackets_is_an_error_naming_the_file_not_a_stack_overflow()
    {
        var error = Assert.Throws<StrataException>(() => ExplorerConfig.Parse("explore: " + new string('[', 200_000), "config.yaml"));

        Assert.StartsWith("config.yaml:1: nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_means_the_defaults_and_HOME_is_the_fallback()
    {
        Assert.Equal("/home/u/.config/strata/config.yaml", ExplorerConfig.PathFor(name => name == "HOME" ? "/home/u" : null));
        Assert.Equal("/x/strata/config.yaml", ExplorerConfig.PathFor(name => name switch { "HOME" => "/home/u", "XDG_CONFIG_HOME" => "/x", _ => null }));
        var config = ExplorerConfig.Load("/nonexistent/strata/config.yaml");
        Assert.Equal(ExplorerAction.Quit, config.Keys.Resolve(Key.Q, false, false));
    }
}
