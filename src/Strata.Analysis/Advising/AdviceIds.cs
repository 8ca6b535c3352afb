namespace Strata.Analysis.Advising;

/// <summary>
/// The stable IDs of <c>strata advise</c>'s findings: STR30xx for size, STR31xx for safety (lint uses STR1xxx and
/// STR2xxx). An ID is never reused for another meaning.
/// </summary>
public static class AdviceIds
{
    public const string PackageCache = "STR3001";
    public const string Documentation = "STR3002";
    public const string DeadBytes = "STR3003";
    public const string RestoredUnchanged = "STR3004";
    public const string Duplicates = "STR3005";
    public const string BuildToolchain = "STR3006";
    public const string LargeFile = "STR3007";
    public const string SlimmerBase = "STR3008";

    public const string RootUser = "STR3101";
    public const string SecretInEnvironment = "STR3102";
    public const string PrivateKeyFile = "STR3103";
    public const string CredentialsFile = "STR3104";
    public const string TokenInFile = "STR3105";
    public const string SetuidFile = "STR3106";
}
