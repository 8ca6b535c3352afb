namespace Strata.Cli.Commands;

/// <summary>The options registry access is built from, shared by the commands that read one image and by scan-registry.</summary>
public interface IRegistrySettings
{
    string? Username { get; }

    bool PasswordStdin { get; }

    string[] InsecureRegistries { get; }

    string? CacheDir { get; }

    string? Timeout { get; }
}
