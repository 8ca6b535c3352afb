namespace Strata.Images.Registry;

/// <summary>How a <see cref="RegistryClient"/> authenticates, which hosts may speak plain HTTP, and how it retries.</summary>
public sealed record RegistryClientOptions
{
    public ICredentialProvider Credentials { get; init; } = new NoCredentials();

    /// <summary>Hosts (with port, as in references) reached over plain HTTP besides loopback addresses.</summary>
    public IReadOnlySet<string> InsecureRegistries { get; init; } = new HashSet<string>();

    /// <summary>Tries per request, counting the first.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public const long MaxManifestBytes = 4 * 1024 * 1024;
}
