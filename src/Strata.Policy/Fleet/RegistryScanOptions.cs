using Strata.Analysis;
using Strata.Images.Model;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;

namespace Strata.Policy.Fleet;

/// <summary>What <c>strata scan-registry</c> scans, how many at once, where the reports go, and how each image is judged.</summary>
public sealed record RegistryScanOptions
{
    public required RegistryTarget Target { get; init; }

    public TagSelection Tags { get; init; } = TagSelection.Latest;

    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>How many images are scanned at once.</summary>
    public int Concurrency { get; init; } = 2;

    public required string OutputFolder { get; init; }

    /// <summary>Which image of a multi-platform index to scan (null: the host's platform).</summary>
    public Platform? Platform { get; init; }

    /// <summary>The read of each image; its <see cref="AnalysisOptions.LayerCache"/> shares layers between them.</summary>
    public AnalysisOptions Analysis { get; init; } = new();

    public AssessmentOptions Assessment { get; init; } = new();

    public PolicySet Policies { get; init; } = PolicySet.Default;
}
