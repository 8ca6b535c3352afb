using System.Collections.Concurrent;
using System.Globalization;
using Strata.Images;
using Strata.Images.Cache;
using Strata.Images.Model;
using Strata.Images.Output;
using Strata.Images.Registry;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;

namespace Strata.Policy.Fleet;

/// <summary>What a registry scan found: every reference's line, the references it could not scan, and the repositories it took.</summary>
public sealed record RegistryScanResult(IReadOnlyList<FleetImage> Images, IReadOnlyList<FleetFailure> Failures, IReadOnlyList<string> Repositories);

/// <summary>
/// Scans a registry: lists its repositories (those of the prefix and shard) and their tags, then reads each image once
/// (analysis, SBOM, secrets, advice and vulnerabilities in one pass, then the policies) with several images at once, and
/// writes one report per manifest digest. A digest already reported (by an earlier run, or under another tag) is not
/// scanned again. An image that fails is listed with its reason and the scan goes on.
/// </summary>
public sealed class RegistryScanner(RegistryClient client, BlobCache blobs, RegistryScanOptions options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _digestGates = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<FleetImage> _images = [];
    private readonly ConcurrentBag<FleetFailure> _failures = [];

    /// <summary>Hears one line per reference as it is done (scanned, already reported, or failed).</summary>
    public Action<string>? Progress { get; init; }

    public async Task<RegistryScanResult> RunAsync(CancellationToken cancellationToken)
    {
        var reports = Path.Combine(options.OutputFolder, ReportIndex.Folder);
        Directory.CreateDirectory(reports);
        var index = ReportIndex.Load(options.OutputFolder);
        var repositories = (await client.ListRepositoriesAsync(options.Target.Registry, cancellationToken))
            .Where(options.Target.Takes).Where(options.Shard.Takes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var references = new List<RegistryReference>();
        foreach (var repository in repositories)
        {
            var reference = new RegistryReference(options.Target.Registry, repository, null, null);
            try
            {
                references.AddRange((await SelectTagsAsync(reference, cancellationToken)).Select(tag => reference with { Tag = tag }));
            }
            catch (StrataException e)
            {
                Fail(reference.ToString(), e.Message);
            }
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(references, parallel, async (reference, token) => await ScanAsync(reference, index, token));
        foreach (var gate in _digestGates.Values)
        {
            gate.Dispose();
        }
        return new RegistryScanResult(
            _images.OrderBy(i => i.Reference, StringComparer.Ordinal).ToList(),
            _failures.OrderBy(f => f.Reference, StringComparer.Ordinal).ToList(),
            repositories);
    }

    private async Task<IReadOnlyList<string>> SelectTagsAsync(RegistryReference repository, CancellationToken cancellationToken)
    {
        var tags = (await client.ListTagsAsync(repository, cancellationToken)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        switch (options.Tags.Kind)
        {
            case TagSelectionKind.Latest:
                if (!tags.Contains("latest"))
                {
                    Progress?.Invoke($"{repository}: no tag 'latest', nothing scanned (--tags all or newest:N take the others)");
                    return [];
                }
                return ["latest"];
            case TagSelectionKind.All:
                return tags;
            default:
                var created = new List<(string Tag, DateTimeOffset? Created)>();
                foreach (var tag in tags)
                {
                    using var image = await RegistrySource.ResolveAsync(client, blobs, repository with { Tag = tag }, Selector, cancellationToken);
                    created.Add((tag, Created(image)));
                }
                return created.OrderByDescending(c => c.Created ?? DateTimeOffset.MinValue).ThenBy(c => c.Tag, StringComparer.Ordinal)
                    .Take(options.Tags.Count).Select(c => c.Tag).ToList();
        }
    }

    private ImageSelector Selector => new(Platform: options.Platform);

    private static DateTimeOffset? Created(ResolvedImage image) =>
        ImageConfigDetails.Parse(image.Config.Raw, $"{image.Name}: config").Created is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;

    private async Task ScanAsync(RegistryReference reference, ReportIndex index, CancellationToken cancellationToken)
    {
        var name = reference.ToString();
        try
        {
            using var image = await RegistrySource.ResolveAsync(client, blobs, reference, Selector, cancellationToken);
            var digest = image.ManifestDigest?.ToString() ?? throw new StrataException($"{name}: the registry gave no manifest digest");
            var gate = _digestGates.GetOrAdd(digest, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (index.TryGet(digest, out var reported))
                {
                    Add(new FleetImage(name, digest, reported.Grade, reported.Findings, reported.Report, FleetImageStatus.Reported));
                    return;
                }
                var assessment = await Task.Run(() => ImageAssessor.Assess(image, options.Analysis, options.Assessment, null, cancellationToken), cancellationToken);
                var policies = PolicyEvaluator.Evaluate(assessment, options.Policies);
                var counts = ImageReportWriter.Count(assessment, policies);
                var file = Path.Combine(options.OutputFolder, ReportIndex.Folder, ReportIndex.FileName(digest));
                AtomicFile.Write(file, stream => ImageReportWriter.Write(stream, name, assessment, policies, counts));
                index.Add(digest, policies.Grade, counts);
                index.TryGet(digest, out var written);
                Add(new FleetImage(name, digest, policies.Grade, counts, written.Report, FleetImageStatus.Scanned));
            }
            finally
            {
                gate.Release();
            }
        }
        catch (StrataException e)
        {
            Fail(name, e.Message);
        }
    }

    private void Add(FleetImage image)
    {
        _images.Add(image);
        Progress?.Invoke($"{image.Reference}: {(image.Status == FleetImageStatus.Scanned ? "scanned" : "already reported")}, grade {image.Grade}");
    }

    private void Fail(string reference, string error)
    {
        _failures.Add(new FleetFailure(reference, error));
        Progress?.Invoke($"{reference}: failed: {error}");
    }
}
