using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Analysis.Base;
using Strata.Analysis.Model;
using Strata.Analysis.Proof;
using Strata.Analysis.Slim;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Model;
using Strata.Images.Output;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata slim SRC DEST</c>: writes the layers of SRC that lose dead bytes (or, opted in, caches, docs, locales,
/// globs) into a staging folder, reads those back through the analysis and proves the final file system equals the
/// source's before anything reaches DEST; layers kept whole are copied byte for byte straight to DEST. A failed proof
/// exits 1 naming the paths and leaves nothing behind.
/// </summary>
public sealed class SlimCommand(CliContext context) : AsyncCommand<SlimSettings>
{
    /// <summary>
    /// A test-only seam: changes the plan before it is written, to stand for a planner fault no real input produces on
    /// demand, so the proof's failure path can be tested end to end. Null (no change) everywhere else.
    /// </summary>
    internal static readonly AsyncLocal<Func<SlimPlan, SlimPlan>?> PlanFault = new();

    public override async Task<int> ExecuteAsync(CommandContext commandContext, SlimSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json");
        var compression = Compression(settings);
        var removals = SlimRemovals.From(settings);
        var baseLayers = ScanInputs.WholeNumber(settings.BaseLayers, "--base-layers", 0, int.MaxValue);
        var destination = SlimDestination.Parse(settings.Destination, context.WorkingDirectory);
        var phases = new SlimPhases(context);

        using var opened = await phases.TimeAsync("open SRC", () => OpenedImage.OpenAsync(context, settings, cancellationToken));
        var source = opened.Image;
        var analysisOptions = ImageLoader.Options(settings);
        var analysis = await phases.TimeAsync("analyse SRC", () => ImageLoader.AnalyzeOpenedAsync(context, settings, source, cancellationToken));
        Warnings.Write(context, analysis.Warnings);
        var baseImage = BaseImageDetector.Detect(source.Config, baseLayers);
        var plan = phases.Time("plan", () => SlimPlanner.Plan(analysis, new SlimOptions
        {
            BaseLayers = baseImage.Layers ?? 0,
            RewriteBase = settings.RewriteBase,
            Squash = settings.Squash,
            Removals = removals,
        }));
        plan = PlanFault.Value?.Invoke(plan) ?? plan;
        Warnings.Write(context, plan.Warnings);

        using var staging = new SlimStaging(StagingParent(destination));
        var written = await phases.TimeAsync("write new layers", () => Task.Run(() => SlimLayerWriter.Write(
            plan, SlimSource.OpenTar(source, analysisOptions.MaxLayerSize), compression, staging.LayersFolder, cancellationToken), cancellationToken));
        var prepared = Prepare(source, analysis, plan, written, baseImage, SlimRemovals.Label(settings));
        var output = await phases.TimeAsync("read back new layers", () => Task.Run(
            () => OutputReadBack.Read(analysis, plan, written, analysisOptions, cancellationToken), cancellationToken));
        var differences = phases.Time("proof", () => FileSystemProof.Compare(analysis.Layers, output, plan.Removed.Select(r => r.Path)));
        if (differences.Count > 0)
        {
            ReportFailedProof(differences);
            return ExitCodes.GateFailed;
        }

        if (!settings.DryRun)
        {
            await phases.TimeAsync("write DEST", async () =>
            {
                await WriteAsync(settings, opened, destination, prepared, cancellationToken);
                return true;
            });
        }
        var summary = Summarize(settings, analysis, output, plan, baseImage, prepared.ManifestDigest, destination);
        // The summary is what slim prints: -q drops the progress bar, not the summary (as analyze keeps its report).
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, settings.Output, summary.WriteJson);
        }
        else
        {
            CommandOutput.Render(context, settings.Output, console => SlimReport.Render(console, summary));
        }
        phases.Total();
        return ExitCodes.Success;
    }

    private static LayerCompressionOptions Compression(SlimSettings settings)
    {
        var algorithm = CommandOutput.Choice("--compression", settings.Compression, ["gzip", "zstd"]) == "zstd"
            ? Images.Layers.Compression.Zstd
            : Images.Layers.Compression.Gzip;
        var level = ScanInputs.WholeNumber(settings.CompressionLevel, "--compression-level", 0, 22);
        return LayerCompressionOptions.Checked(algorithm, level);
    }

    /// <summary>The staging folder sits beside a file destination (so moving into place is a rename or a link), else in the temporary folder.</summary>
    private static string StagingParent(SlimDestination destination)
    {
        if (destination.File is not { } file)
        {
            return Path.GetTempPath();
        }
        var parent = Path.GetDirectoryName(file.Path)!;
        return Directory.Exists(parent) ? parent : throw new StrataException($"DEST '{file.Path}': the folder '{parent}' does not exist");
    }

    /// <summary>The slim image's blobs: source layers kept as they are, new layers from the rewriter, and the new config and manifest.</summary>
    private static PreparedImage Prepare(
        ResolvedImage source, ImageAnalysis analysis, SlimPlan plan, IReadOnlyList<WrittenBlob?> written, BaseImage baseImage, string label)
    {
        var layers = plan.Layers.Select(layer => layer.CopiedFrom is { } from
            ? SourceBlob(source, analysis.Layers[from])
            : Written(written[layer.Index] ?? throw new StrataException($"slim: output layer {layer.Index} was not written"))).ToList();
        var diffIds = plan.Layers.Select(layer => layer.CopiedFrom is { } from ? analysis.Layers[from].DiffId : written[layer.Index]!.DiffId).ToList();
        var configBytes = SlimmedConfig.Rewrite(source.Config.Raw, SourceLayerDiffIds(plan, diffIds), label);
        var config = new Descriptor("application/vnd.oci.image.config.v1+json", Digest.ComputeSha256(configBytes), configBytes.Length);
        var manifest = SlimmedManifest.Build(source.Manifest, config, layers.Select(l => l.Descriptor).ToList(), baseImage.Digest, baseImage.Name);
        return new PreparedImage(manifest, MediaTypes.OciManifest, Digest.ComputeSha256(manifest),
            new BlobToCopy(config, () => new MemoryStream(configBytes)), layers);
    }

    /// <summary>
    /// A source layer kept as it is: its manifest's descriptor, or for a source without one (a docker archive, an
    /// engine) the digest and size the analysis took while reading it, so the layer is not read a second time.
    /// </summary>
    private static BlobToCopy SourceBlob(ResolvedImage source, LayerAnalysis layer)
    {
        var descriptor = source.Manifest?.Layers[layer.Index] ?? new Descriptor(
            new LayerCompressionOptions(layer.Compression).MediaType, layer.Digest, layer.CompressedSize);
        return new BlobToCopy(descriptor, source.Layers[layer.Index].Open);
    }

    private static BlobToCopy Written(WrittenBlob blob) =>
        new(new Descriptor(blob.MediaType, blob.Digest, blob.Size), () => File.OpenRead(blob.Path)) { LocalFile = blob.Path, Verified = true };

    /// <summary>
    /// For each source layer, the diff_id its history entry now stands for: the output layer's, given to the last
    /// source layer that went into it (a squash folds several), or null for a layer gone, marked empty in the history.
    /// </summary>
    private static List<Digest?> SourceLayerDiffIds(SlimPlan plan, IReadOnlyList<Digest> outputDiffIds)
    {
        var result = new List<Digest?>();
        for (var i = 0; i < plan.SourceLayers.Count; i++)
        {
            var fate = plan.SourceLayers[i];
            var isLastInto = fate.OutputLayer is { } output && !plan.SourceLayers.Skip(i + 1).Any(f => f.OutputLayer == output);
            result.Add(isLastInto ? outputDiffIds[fate.OutputLayer!.Value] : null);
        }
        return result;
    }

    private void ReportFailedProof(IReadOnlyList<PathDifference> differences)
    {
        const int Shown = 50;
        context.Error.MarkupLine(
            $"[red]error:[/] the slim image's file system differs from the source's at {Plural.Of(differences.Count, "path")}; nothing was written");
        foreach (var difference in differences.Take(Shown))
        {
            context.Error.WriteLine($"  /{difference.Path}: {difference.What}");
        }
        if (differences.Count > Shown)
        {
            context.Error.WriteLine($"  … and {differences.Count - Shown} more");
        }
    }

    private async Task WriteAsync(
        SlimSettings settings, OpenedImage opened, SlimDestination destination, PreparedImage image, CancellationToken cancellationToken)
    {
        if (destination.File is { } file)
        {
            ImageWriter.Write(image, file, file.Kind == OutputKind.DockerArchive ? opened.DockerName : opened.Tag);
            return;
        }
        var registry = destination.Registry!;
        var mountFrom = opened.Reference.Transport == Transport.Registry
            && Images.Registry.RegistryReference.Parse(opened.Reference.Location) is var from && from.Registry == registry.Registry
            ? from.Repository
            : null;
        await RegistryPusher.PushAsync(context, settings, registry, $"DEST '{settings.Destination}'", image, mountFrom, cancellationToken);
    }

    private static SlimSummary Summarize(
        SlimSettings settings, ImageAnalysis before, IReadOnlyList<LayerAnalysis> after, SlimPlan plan, BaseImage baseImage, Digest manifestDigest,
        SlimDestination destination)
    {
        var keptBase = settings.RewriteBase ? 0 : baseImage.Layers ?? 0;
        var removals = plan.Removed
            .GroupBy(r => r.Reason)
            .Select(g => new RemovalTotal(
                g.Key, g.Sum(r => r.Bytes), g.Select(r => r.Path).Order(StringComparer.Ordinal).ToList(), g.Count(r => r.WhitedOut)))
            .ToList();
        return new SlimSummary(
            before.Name,
            destination.ToString(),
            settings.DryRun,
            manifestDigest,
            before.CompressedSize,
            after.Sum(l => l.CompressedSize),
            before.UncompressedSize,
            after.Sum(l => l.UncompressedSize),
            before.DeadBytes,
            after.Sum(l => l.DeadBytes),
            after.Take(keptBase).Sum(l => l.DeadBytes),
            before.Layers.Count,
            after.Count,
            keptBase,
            plan.SourceLayers.Where(f => f.Emptied).Select(f => f.SourceLayer).ToList(),
            removals);
    }
}
