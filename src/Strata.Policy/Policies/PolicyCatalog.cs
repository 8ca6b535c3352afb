using Strata.Policy.Policies.Builtin;

namespace Strata.Policy.Policies;

/// <summary>The built-in policies by the name the policy file uses, each read from its parameters; in report order.</summary>
public static class PolicyCatalog
{
    public static readonly IReadOnlyList<(string Name, Func<PolicyParameters, IPolicy> Read)> All =
    [
        (ApprovedBaseImagesPolicy.PolicyName, ApprovedBaseImagesPolicy.Read),
        (BaseImageUpToDatePolicy.PolicyName, BaseImageUpToDatePolicy.Read),
        (NoHighProfileVulnerabilitiesPolicy.PolicyName, NoHighProfileVulnerabilitiesPolicy.Read),
        (NoFixableVulnerabilitiesPolicy.PolicyName, NoFixableVulnerabilitiesPolicy.Read),
        (NoKnownVulnerabilitiesPolicy.PolicyName, NoKnownVulnerabilitiesPolicy.Read),
        (NonRootUserPolicy.PolicyName, NonRootUserPolicy.Read),
        (NoSecretsPolicy.PolicyName, NoSecretsPolicy.Read),
        (DeniedLicensesPolicy.PolicyName, DeniedLicensesPolicy.Read),
        (MaxImageSizePolicy.PolicyName, MaxImageSizePolicy.Read),
        (MinEfficiencyPolicy.PolicyName, MinEfficiencyPolicy.Read),
        (MaxDeadBytesPolicy.PolicyName, MaxDeadBytesPolicy.Read),
    ];

    public static IReadOnlyList<string> Names => All.Select(p => p.Name).ToList();

    public static Func<PolicyParameters, IPolicy>? Find(string name) => All.FirstOrDefault(p => p.Name == name).Read;
}
