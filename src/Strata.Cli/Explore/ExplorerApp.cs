using Strata.Analysis.Explore;
using Strata.Images.Sources;
using Terminal.Gui.App;

namespace Strata.Cli.Explore;

/// <summary>Runs the explorer on the terminal until the user quits.</summary>
internal static class ExplorerApp
{
    public static void Run(ExplorerModel model, IReadOnlyList<LayerBlob> blobs, long maxLayerSize, string workingDirectory, ExplorerConfig config)
    {
        using var app = Application.Create().Init();
        using var window = new ExplorerWindow(model, blobs, maxLayerSize, workingDirectory, config);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (!key.Handled && window.HandleKey(key))
            {
                key.Handled = true;
            }
        };
        app.Run(window);
    }
}
