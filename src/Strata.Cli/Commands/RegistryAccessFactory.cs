using Strata.Images;
using Strata.Images.Cache;
using Strata.Images.Registry;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>Builds registry access (credentials, insecure hosts, cache) from options and the environment.</summary>
internal static class RegistryAccessFactory
{
    public static RegistryAccessContext Create(CliContext context, RegistrySettings settings) =>
        new(new RegistryClient(ClientOptions(context, settings)), Cache(context, settings.CacheDir));

    public static BlobCache Cache(CliContext context, string? cacheDir) =>
        new(context.ResolvePath(BlobCache.DefaultRoot(
            cacheDir,
            context.GetEnvironmentVariable("STRATA_CACHE_DIR"),
            context.GetEnvironmentVariable("XDG_CACHE_HOME"),
            Home(context))));

    public static RegistryClientOptions ClientOptions(CliContext context, RegistrySettings settings)
    {
        var timeout = settings.Timeout is { } text ? RegistryTimeout.Parse(text) : RegistryClientOptions.DefaultIdleTimeout;
        return new RegistryClientOptions
        {
            Credentials = Credentials(context, settings, timeout),
            InsecureRegistries = settings.InsecureRegistries.ToHashSet(StringComparer.OrdinalIgnoreCase),
            BlobLocationsFile = Path.Combine(Cache(context, settings.CacheDir).Root, "blob-locations.json"),
        }.WithTimeout(timeout);
    }

    private static ICredentialProvider Credentials(CliContext context, RegistrySettings settings, TimeSpan helperTimeout)
    {
        if (settings.PasswordStdin && settings.Username is null)
        {
            throw new StrataException("--password-stdin: needs --username");
        }
        if (settings.Username is { } user)
        {
            if (!settings.PasswordStdin)
            {
                throw new StrataException("--username: give the password on standard input with --password-stdin");
            }
            var password = context.OpenStandardInput().ReadToEnd().TrimEnd('\r', '\n');
            return new FixedCredentials(new RegistryCredentials(user, password));
        }
        var configDirectory = context.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } dockerConfig
            ? dockerConfig
            : Path.Combine(Home(context), ".docker");
        return new DockerConfigCredentials(configDirectory, helperTimeout);
    }

    private static string Home(CliContext context) =>
        context.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
