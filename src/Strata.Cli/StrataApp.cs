using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Commands;
using Strata.Images;

namespace Strata.Cli;

/// <summary>The command line: parses arguments, runs a command, and maps every failure to an exit code and a message.</summary>
public static class StrataApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("strata");
            config.Settings.Console = context.Out;
            config.Settings.Registrar.RegisterInstance(context);
            config.PropagateExceptions();
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Show where every byte of an image goes: layers, dive's efficiency and waste, exact dead bytes, duplicates.")
                .WithExample("analyze", "oci:images/oci:wasteful")
                .WithExample("analyze", "docker-archive:app.tar", "--ci", "--json", "report.json");
            config.AddCommand<SbomCommand>("sbom")
                .WithDescription("List the packages of every ecosystem, each traced to its layer and Dockerfile line.")
                .WithExample("sbom", "oci:images/oci:wasteful", "--format", "cyclonedx-json", "-o", "sbom.json");
            config.AddCommand<InspectCommand>("inspect")
                .WithDescription("Show an image's platforms, digests, config and layers without downloading layers.")
                .WithExample("inspect", "ghcr.io/org/app:v1", "--raw");
            config.AddCommand<PullCommand>("pull")
                .WithDescription("Fetch an image (only the blobs the cache lacks) and write it as an OCI layout, OCI archive or docker archive.")
                .WithExample("pull", "localhost:5000/team/app:v1", "--output", "oci:out:v1");
            config.AddCommand<PushCommand>("push")
                .WithDescription("Push any image to a registry, skipping blobs it has and mounting what it can.")
                .WithExample("push", "oci:out:v1", "docker://localhost:5000/team/app:v1");
            config.AddBranch("cache", cache =>
            {
                cache.SetDescription("The local blob cache.");
                cache.AddCommand<CacheListCommand>("ls").WithDescription("List cached blobs.");
                cache.AddCommand<CacheUsageCommand>("du").WithDescription("Show how much the cache holds.");
                cache.AddCommand<CachePruneCommand>("prune").WithDescription("Remove blobs unused for a while (--older-than 30d).");
            });
        });
        try
        {
            return await app.RunAsync(JoinDashValues(args), context.Cancellation);
        }
        catch (Exception) when (context.Cancellation.IsCancellationRequested)
        {
            // Whatever an interrupted command threw on its way out (cancelled reads, closed streams) is the interruption.
            WriteError(context, "interrupted");
            return ExitCodes.Interrupted;
        }
        catch (StrataException e)
        {
            WriteError(context, e.Message);
        }
        catch (CommandAppException e)
        {
            WriteError(context, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WriteError(context, $"unexpected {e.GetType().Name}: {e.Message}");
            if (context.GetEnvironmentVariable("STRATA_DEBUG") == "1")
            {
                context.Error.WriteException(e);
            }
        }
        return ExitCodes.BadInput;
    }

    /// <summary>Spectre's parser takes a lone "-" for a nameless option; "--json -" means standard output, so pass it as "--json=-".</summary>
    private static string[] JoinDashValues(string[] args)
    {
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg == "-" && result.Count > 0 && result[^1].StartsWith("--", StringComparison.Ordinal) && !result[^1].Contains('=', StringComparison.Ordinal))
            {
                result[^1] += "=-";
            }
            else
            {
                // A lone "-" anywhere else is IMAGE read from standard input, which Spectre cannot take as an argument.
                result.Add(arg == "-" ? "/dev/stdin" : arg);
            }
        }
        return [.. result];
    }

    private static void WriteError(CliContext context, string message) =>
        context.Error.MarkupLine($"[red]strata: error:[/] {Markup.Escape(message)}");
}
