using Strata.Analysis;
using Strata.Cli.Commands;
using Strata.Cli.Rendering;

namespace Strata.Cli;

/// <summary>
/// Parsing the command line and opening the image keep one core busy for the first ~60 ms of a run while the other
/// waits. For a command that reads an image, that core meanwhile analyses a tiny in-memory image and renders its report
/// (<see cref="AnalysisWarmup"/>), so that the real layers and report find OpenSSL, zlib, the types they need and the
/// code compiled on first use ready.
/// </summary>
internal static class StartupWarmup
{
    private static readonly HashSet<string> ImageCommands = new(StringComparer.Ordinal)
    {
        "analyze", "sbom", "scan", "advise", "report", "policy", "compare", "slim", "explore",
    };

    public static void Begin(IReadOnlyList<string> args)
    {
        if (Environment.ProcessorCount < 2 || args.Count < 2 || !ImageCommands.Contains(args[0]) || args.Any(a => a is "-h" or "--help"))
        {
            return; // on one core it would only compete with the parsing it is meant to run beside
        }
        // A thread of its own, so it never holds one of the pool's few threads, which the command's own steps run on.
        new Thread(Warm) { IsBackground = true, Name = "strata warm-up" }.Start();
    }

    private static void Warm()
    {
        try
        {
            AnalysisReport.Render(CommandOutput.PlainConsole(TextWriter.Null), AnalysisWarmup.Run(), top: 10);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only time is at stake: the command itself meets and reports any real problem.
        }
    }
}
