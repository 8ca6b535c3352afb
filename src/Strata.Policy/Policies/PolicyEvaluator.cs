using Strata.Policy.Assessment;
using Strata.Policy.Grading;

namespace Strata.Policy.Policies;

/// <summary>Judges an assessed image against a policy set, then grades the verdicts.</summary>
public static class PolicyEvaluator
{
    public static PolicyReport Evaluate(ImageAssessment assessment, PolicySet policies, PolicyEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policies);
        var context = new PolicyContext(assessment, environment ?? PolicyEnvironment.Offline);
        var results = policies.Policies.Select(p => p.Evaluate(context)).ToList();
        var grade = HealthGrade.Of(results);
        return new PolicyReport(results, grade.Letter) { Score = grade.Score };
    }
}
