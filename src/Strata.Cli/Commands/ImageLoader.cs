using Spectre.Console;
using Strata.Analysis;
using Strata.Analysis.Gate;
using Strata.Analysis.Model;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>Opens and analyses the image a command names, with a progress bar on a terminal.</summary>
internal static class ImageLoader
{
    public static async Task<ImageAnalysis> AnalyzeAsync(CliContext context, ImageSettings settings, CancellationToken cancellationToken)
    {
        var options = new AnalysisOptions
        {
            MaxLayerSize = settings.MaxLayerSize is null
                ? new AnalysisOptions().MaxLayerSize
                : ByteSize.Parse(settings.MaxLayerSize, "--max-layer-size"),
        };
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        var image = opened.Image;
        if (!context.ErrorIsTerminal)
        {
            return await Task.Run(() => ImageAnalyzer.Analyze(image, options, null, cancellationToken), cancellationToken);
        }
        return await WithProgressAsync(context, image, options, cancellationToken);
    }

    private static async Task<ImageAnalysis> WithProgressAsync(
        CliContext context, ResolvedImage image, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var read = new long[image.Layers.Count];
        var total = Math.Max(1, image.Layers.Sum(l => l.StoredSize));
        return await context.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Reading {image.Layers.Count} layers", maxValue: total);
                var work = Task.Run(
                    () => ImageAnalyzer.Analyze(image, options, (layer, bytes) => Volatile.Write(ref read[layer], bytes), cancellationToken),
                    cancellationToken);
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(100, cancellationToken));
                    task.Value = read.Sum();
                }
                task.Value = total;
                return await work;
            });
    }

    public static EngineEndpoints Engines(CliContext context) => new(
        DockerEngineSource.DockerEndpoint(context.GetEnvironmentVariable("DOCKER_HOST")),
        DockerEngineSource.PodmanEndpoint(context.GetEnvironmentVariable("CONTAINER_HOST"), context.GetEnvironmentVariable("XDG_RUNTIME_DIR")));
}
