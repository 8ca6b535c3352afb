namespace Strata.Images.Registry;

/// <summary>A user name and secret for one registry.</summary>
public sealed record RegistryCredentials(string Username, string Secret)
{
    public string ToBasicHeaderValue() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Secret}"));
}

/// <summary>Finds credentials for a registry host, or none.</summary>
public interface ICredentialProvider
{
    RegistryCredentials? Find(string registry);
}

/// <summary>The same credentials for every registry (from <c>--username</c> and <c>--password-stdin</c>).</summary>
public sealed class FixedCredentials(RegistryCredentials credentials) : ICredentialProvider
{
    public RegistryCredentials? Find(string registry) => credentials;
}

/// <summary>No credentials anywhere: anonymous access only.</summary>
public sealed class NoCredentials : ICredentialProvider
{
    public RegistryCredentials? Find(string registry) => null;
}
