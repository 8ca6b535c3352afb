namespace Strata.TestKit;

/// <summary>How a <see cref="RegistryServer"/> lets clients in.</summary>
public enum RegistryAuth
{
    /// <summary>Anyone pulls and pushes.</summary>
    Open,

    /// <summary>HTTP Basic against an htpasswd file holding one user.</summary>
    Basic,

    /// <summary>Bearer tokens from a <see cref="TokenIssuer"/>, which knows the same one user.</summary>
    Token,
}
