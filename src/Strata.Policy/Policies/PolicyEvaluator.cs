using Strata.Policy.Assessment;

namespace Strata.Policy.Policies;

/// <summary>Judges an assessed image against a policy set. (Stub for the parallel work: the policy part implements it.)</summary>
public static class PolicyEvaluator
{
    public static PolicyReport Evaluate(ImageAssessment assessment, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policies);
        return new PolicyReport([], "A");
    }
}
