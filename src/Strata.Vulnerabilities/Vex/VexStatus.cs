namespace Strata.Vulnerabilities.Vex;

/// <summary>The statuses and not_affected justifications the OpenVEX specification defines (its labels, exactly).</summary>
public static class VexStatus
{
    public const string NotAffected = "not_affected";
    public const string Affected = "affected";
    public const string Fixed = "fixed";
    public const string UnderInvestigation = "under_investigation";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { NotAffected, Affected, Fixed, UnderInvestigation };

    public static readonly IReadOnlySet<string> Justifications = new HashSet<string>(StringComparer.Ordinal)
    {
        "component_not_present",
        "vulnerable_code_not_present",
        "vulnerable_code_not_in_execute_path",
        "vulnerable_code_cannot_be_controlled_by_adversary",
        "inline_mitigations_already_exist",
    };
}
