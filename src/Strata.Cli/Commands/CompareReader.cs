using Spectre.Console;
using Strata.Analysis;
using Strata.Images;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>
/// Opens the two images <c>strata compare</c> names and reads them, side by side when the machine has more than one
/// processor, with one progress bar per image on a terminal.
/// </summary>
internal static class CompareReader
{
    public static async Task<(T First, T Second)> ReadBothAsync<T>(
        CliContext context, ImageSettings first, ImageSettings second, Func<ResolvedImage, AnalysisOptions, Action<int, long>?, T> read,
        CancellationToken cancellationToken)
    {
        var options = ImageLoader.Options(first);
        using var firstImage = await OpenedImage.OpenAsync(context, first, cancellationToken);
        using var secondImage = await OpenSecondAsync(context, second, cancellationToken);
        ResolvedImage[] images = [firstImage.Image, secondImage.Image];
        if (!context.ErrorIsTerminal || first.Quiet)
        {
            var results = await ReadAllAsync(images, (image, _) => read(image, options, null), cancellationToken);
            return (results[0], results[1]);
        }
        return await context.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var done = images.Select(i => new long[i.Layers.Count]).ToArray();
                var tasks = images.Select((image, i) => progress.AddTask(
                    $"Reading image {i + 1}: {image.Layers.Count} layers", maxValue: Math.Max(1, image.Layers.Sum(l => l.StoredSize)))).ToArray();
                var work = ReadAllAsync(images, (image, i) => read(image, options, (layer, bytes) => Volatile.Write(ref done[i][layer], bytes)), cancellationToken);
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(100, cancellationToken));
                    for (var i = 0; i < tasks.Length; i++)
                    {
                        tasks[i].Value = done[i].Sum();
                    }
                }
                var results = await work;
                return (results[0], results[1]);
            });
    }

    /// <summary>Opens IMAGE2; an error the opener words for IMAGE ("IMAGE 'REF': …") names IMAGE2 instead.</summary>
    private static async Task<OpenedImage> OpenSecondAsync(CliContext context, ImageSettings second, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenedImage.OpenAsync(context, second, cancellationToken);
        }
        catch (StrataException e) when (e.Message.StartsWith("IMAGE ", StringComparison.Ordinal))
        {
            throw new StrataException("IMAGE2" + e.Message["IMAGE".Length..], e);
        }
    }

    /// <summary>Both reads at once on a machine with processors to spare, else one after the other.</summary>
    private static async Task<T[]> ReadAllAsync<T>(ResolvedImage[] images, Func<ResolvedImage, int, T> read, CancellationToken cancellationToken)
    {
        if (Environment.ProcessorCount > 1)
        {
            return await Task.WhenAll(images.Select((image, i) => Task.Run(() => read(image, i), cancellationToken)));
        }
        var results = new T[images.Length];
        for (var i = 0; i < images.Length; i++)
        {
            var index = i;
            results[index] = await Task.Run(() => read(images[index], index), cancellationToken);
        }
        return results;
    }
}
