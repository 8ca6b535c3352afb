using Strata.Analysis.Explore;
using Strata.Images.Sources;
using Terminal.Gui.App;

namespace Strata.Cli.Explore;

/// <summary>Runs the explorer on the terminal until the user quits.</summary>
internal static class ExplorerApp
{
    /// <summary>Runs until the user quits or <paramref name="cancellationToken"/> fires (SIGTERM, or SIGINT from outside the terminal).</summary>
    public static void Run(
        ExplorerModel model, IReadOnlyList<LayerBlob> blobs, long maxLayerSize, string workingDirectory, ExplorerConfig config,
        CancellationToken cancellationToken)
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
        // The first tree and the waste list are built on another thread while the first screen shows, so the screen
        // appears as soon as the analysis is done; the window lets nothing touch the model until they are ready.
        Exception? failure = null;
        using var prepare = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            _ = model.Waste;
            _ = model.RowCount;
        }).ContinueWith(
            built => app.Invoke(() =>
            {
                if (built.Exception is { } e)
                {
                    failure = e.InnerException ?? e;
                    app.RequestStop();
                    return;
                }
                window.TreeReady();
                PrepareInBackground(model, prepare.Token);
            }),
            TaskScheduler.Default);
        using var stop = cancellationToken.Register(() => app.Invoke(() => app.RequestStop()));
        app.Run(window);
        prepare.Cancel();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Builds the other layers' trees while the first is on screen, so selecting a big layer later is one redraw, not
    /// a build. A failure here is left for the layer's own first use to report, on the interface's thread.
    /// </summary>
    private static void PrepareInBackground(ExplorerModel model, CancellationToken cancellationToken) =>
        _ = Task.Run(() =>
        {
            try
            {
                model.PrepareLayerTrees(cancellationToken);
            }
            catch (Exception)
            {
            }
        }, CancellationToken.None);
}
