using Strata.Analysis.Advising;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;

namespace Strata.Cli.Report;

/// <summary>Everything one report shows: the image's assessment, the Dockerfile line of each layer, and the policy verdicts when policies were evaluated.</summary>
internal sealed record ReportInput(ImageAssessment Assessment, LayerLines Lines, PolicyReport? Policy, string Generator)
{
    /// <summary>The size map's node budget (tests lower it to see the aggregation on a small image).</summary>
    public int MapNodeBudget { get; init; } = SizeMapBuilder.DefaultNodeBudget;
}
