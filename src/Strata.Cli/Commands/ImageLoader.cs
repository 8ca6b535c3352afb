using Spectre.Console;
using Strata.Analysis;
using Strata.Analysis.Gate;
using Strata.Analysis.Model;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>Opens and reads the image a command names, once, with a progress bar on a terminal.</summary>
internal static class ImageLoader
{
    public static Task<ImageAnalysis> AnalyzeAsync(CliContext context, ImageSettings settings, CancellationToken cancellationToken) =>
        ReadAsync(context, settings, (image, options, progress) => ImageAnalyzer.Analyze(image, options, progress, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="read"/> (an analysis, or an SBOM with its analysis) over the image's one pass.</summary>
    public static async Task<T> ReadAsync<T>(
        CliContext context, ImageSettings settings, Func<ResolvedImage, AnalysisOptions, Action<int, long>?, T> read, CancellationToken cancellationToken)
    {
        var options = Options(settings);
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        return await ReadOpenedAsync(context, settings, opened.Image, options, read, cancellationToken);
    }

    /// <summary>The analysis of an image the caller opened and keeps open (explore reads layers again to extract files).</summary>
    public static Task<ImageAnalysis> AnalyzeOpenedAsync(CliContext context, ImageSettings settings, ResolvedImage image, CancellationToken cancellationToken) =>
        ReadOpenedAsync(context, settings, image, Options(settings),
            (image, options, progress) => ImageAnalyzer.Analyze(image, options, progress, cancellationToken), cancellationToken);

    public static AnalysisOptions Options(RegistrySettings settings) => new()
    {
        MaxLayerSize = settings.MaxLayerSize is null
            ? new AnalysisOptions().MaxLayerSize
            : ByteSize.Parse(settings.MaxLayerSize, "--max-layer-size"),
    };

    private static async Task<T> ReadOpenedAsync<T>(
        CliContext context, ImageSettings settings, ResolvedImage image, AnalysisOptions options,
        Func<ResolvedImage, AnalysisOptions, Action<int, long>?, T> read, CancellationToken cancellationToken)
    {
        if (!context.ErrorIsTerminal || settings.Quiet)
        {
            return await Task.Run(() => read(image, options, null), cancellationToken);
        }
        return await WithProgressAsync(context, image, options, read, cancellationToken);
    }

    private static async Task<T> WithProgressAsync<T>(
        CliContext context, ResolvedImage image, AnalysisOptions options, Func<ResolvedImage, AnalysisOptions, Action<int, long>?, T> read,
        CancellationToken cancellationToken)
    {
        var done = new long[image.Layers.Count];
        var total = Math.Max(1, image.Layers.Sum(l => l.StoredSize));
        return await context.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Reading {image.Layers.Count} layers", maxValue: total);
                var work = Task.Run(() => read(image, options, (layer, bytes) => Volatile.Write(ref done[layer], bytes)), cancellationToken);
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(100, cancellationToken));
                    task.Value = done.Sum();
                }
                task.Value = total;
                return await work;
            });
    }

    public static EngineEndpoints Engines(CliContext context) => new(
        DockerEngineSource.DockerEndpoint(context.GetEnvironmentVariable("DOCKER_HOST")),
        DockerEngineSource.PodmanEndpoint(context.GetEnvironmentVariable("CONTAINER_HOST"), context.GetEnvironmentVariable("XDG_RUNTIME_DIR")));
}
