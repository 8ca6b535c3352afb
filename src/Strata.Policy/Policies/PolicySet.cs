namespace Strata.Policy.Policies;

/// <summary>
/// The policies to enforce, as strata-policy.yaml names them with their parameters.
/// (Stub for the parallel work: the policy part fills in loading and the built-in policies.)
/// </summary>
public sealed class PolicySet
{
    public static PolicySet Default { get; } = new();

    /// <summary>Reads a policy file; a bad one is a StrataException naming the file and the entry.</summary>
    public static PolicySet Load(string path) => File.Exists(path) ? new PolicySet() : throw new Strata.Images.StrataException($"{path}: no such policy file");
}
