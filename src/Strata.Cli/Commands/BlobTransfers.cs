using Spectre.Console;
using Strata.Images.Model;

namespace Strata.Cli.Commands;

/// <summary>One blob to move (download or upload): what the progress bar calls it, and how big it is.</summary>
internal sealed record BlobTransfer(Digest Digest, long Size);

/// <summary>Moves blobs several at once, with a progress bar per blob when standard error is a terminal.</summary>
internal static class BlobTransfers
{
    private const int Parallelism = 4;

    /// <param name="move">Moves one blob, reporting how many of its bytes have gone so far.</param>
    public static async Task RunAsync(
        CliContext context, bool showProgress, IReadOnlyList<BlobTransfer> blobs, Func<BlobTransfer, Action<long>, CancellationToken, Task> move,
        CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        if (!showProgress || blobs.Count == 0)
        {
            await Parallel.ForEachAsync(blobs, parallel, async (blob, token) => await move(blob, _ => { }, token));
            return;
        }
        await context.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async progress =>
            {
                var bars = blobs.Select(b => progress.AddTask(Label(b), maxValue: Math.Max(1, b.Size))).ToList();
                await Parallel.ForEachAsync(Enumerable.Range(0, blobs.Count), parallel, async (i, token) =>
                {
                    await move(blobs[i], bytes => bars[i].Value = bytes, token);
                    bars[i].Value = bars[i].MaxValue;
                });
            });
    }

    private static string Label(BlobTransfer blob) => blob.Digest.ToString()[..Math.Min(19, blob.Digest.ToString().Length)];
}
