using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Analysis.Gate;
using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Output;
using Strata.Policy.Assessment;
using Strata.Policy.Fleet;
using Strata.Policy.Policies;
using Strata.Sbom.Cache;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata scan-registry REGISTRY[/PREFIX]</c>: every repository's chosen tags read once each (analysis, SBOM,
/// secrets, advice, vulnerabilities and policies), one report per image and summary.json in the output folder, layers
/// shared between images read once through the layer results cache. Exits 1 when an image could not be scanned.
/// </summary>
public sealed class ScanRegistryCommand(CliContext context) : AsyncCommand<ScanRegistrySettings>
{
    public const string DefaultOutput = "strata-scan";

    private readonly Lock _progress = new();

    public override async Task<int> ExecuteAsync(CommandContext commandContext, ScanRegistrySettings settings, CancellationToken cancellationToken)
    {
        // Every option is checked, and every file it names opened, before the registry is asked anything.
        var format = CommandOutput.Format(settings.Format, "table", "json");
        var target = RegistryTarget.Parse(settings.Registry, "REGISTRY");
        var tags = settings.Tags is { } t ? TagSelection.Parse(t, "--tags") : TagSelection.Latest;
        var concurrency = ScanInputs.WholeNumber(settings.Concurrency, "--concurrency", 1, 64) ?? 2;
        var shard = settings.Shard is { } s ? Shard.Parse(s, "--shard") : Shard.Whole;
        var platform = settings.Platform is { } p ? Platform.Parse(p) : null;
        var analysis = ImageLoader.Options(settings);
        var policies = ScanInputs.Policies(context, settings.Policy);
        var output = OutputFolder(settings.Output ?? DefaultOutput);
        using var store = AdvisoryStore.Open(ScanInputs.Database(context, settings.Db, settings.CacheDir));
        var access = RegistryAccessFactory.Create(context, settings);
        using var client = access.Client;
        using var layers = LayerResultCache.InFolder(access.Cache.Root);
        var options = new RegistryScanOptions
        {
            Target = target,
            Tags = tags,
            Shard = shard,
            Concurrency = concurrency,
            OutputFolder = output,
            Platform = platform,
            Analysis = analysis with { LayerCache = layers },
            Assessment = new AssessmentOptions { Advisories = store },
            Policies = policies,
        };
        var scanner = new RegistryScanner(client, access.Cache, options) { Progress = settings.Quiet ? null : Progress };
        var result = await scanner.RunAsync(cancellationToken);
        var summary = Path.Combine(output, SummaryWriter.FileName);
        AtomicFile.Write(summary, stream => SummaryWriter.Write(stream, options, result, layers.Hits, layers.Misses));
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, "-", stream => SummaryWriter.Write(stream, options, result, layers.Hits, layers.Misses));
        }
        else
        {
            CommandOutput.Render(context, "-", console => ScanRegistryTable.Render(console, result, layers.Hits, layers.Misses, summary, settings.Quiet));
        }
        return result.Failures.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private void Progress(string line)
    {
        lock (_progress)
        {
            context.Error.WriteLine(Rendering.TerminalText.Message(line), Style.Plain);
        }
    }

    private string OutputFolder(string given)
    {
        var full = context.ResolvePath(given);
        if (File.Exists(full))
        {
            throw new StrataException($"--output: {given}: a file, not a folder");
        }
        try
        {
            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"--output: {given}: cannot make the folder ({e.Message})");
        }
    }
}
