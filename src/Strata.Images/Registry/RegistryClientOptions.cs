namespace Strata.Images.Registry;

/// <summary>How a <see cref="RegistryClient"/> authenticates, which hosts may speak plain HTTP, how it retries and how long it waits.</summary>
public sealed record RegistryClientOptions
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);

    public ICredentialProvider Credentials { get; init; } = new NoCredentials();

    /// <summary>Hosts (with port, as in references) reached over plain HTTP besides loopback addresses.</summary>
    public IReadOnlySet<string> InsecureRegistries { get; init; } = new HashSet<string>();

    /// <summary>Where to remember which repositories hold which blobs, for cross-repository mounts; null to remember nothing.</summary>
    public string? BlobLocationsFile { get; init; }

    /// <summary>Tries per request, counting the first.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest a connection may stall: to connect, to answer with its headers, or to deliver the next
    /// <see cref="StallBytes"/> of a body (so a server dripping a byte a second counts as stalled).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = DefaultIdleTimeout;

    /// <summary>The longest one request may take in all, retries and waits included; a blob's body is bounded by <see cref="IdleTimeout"/> instead.</summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a <c>Retry-After</c> is honoured; a registry asking for more fails the request at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fewer bytes than this within <see cref="IdleTimeout"/> is a stall.</summary>
    public const int StallBytes = 1024;

    public const long MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>How much of a registry's own text (an error, a URL it named) a message quotes.</summary>
    public const int MaxShownChars = 300;

    public const long MaxTokenBytes = 1024 * 1024;

    /// <summary>Options with every wait derived from one idle timeout, as <c>--timeout</c> gives it.</summary>
    public RegistryClientOptions WithTimeout(TimeSpan idle) => this with
    {
        IdleTimeout = idle,
        RequestDeadline = idle * 4,
        MaxRetryAfter = idle * 2 < TimeSpan.FromSeconds(60) ? idle * 2 : TimeSpan.FromSeconds(60),
        MaxBackoff = idle < MaxBackoff ? idle : MaxBackoff,
    };
}
