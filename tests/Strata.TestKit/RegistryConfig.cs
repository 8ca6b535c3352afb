using System.Globalization;
using System.Security.Cryptography;

namespace Strata.TestKit;

/// <summary>The <c>config.yml</c> of a test registry: loopback only, storage and auth files in its own folder.</summary>
internal static class RegistryConfig
{
    public static string Yaml(string folder, int port, string auth)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // Info, not warn: distribution says why it refused a token only at info level.
        return $"""
            version: 0.1
            log:
              level: info
              formatter: text
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
              secret: {secret}
            health:
              storagedriver:
                enabled: false
            {auth}
            """;
    }

    public static string Htpasswd(string htpasswdFile) => $"""
        auth:
          htpasswd:
            realm: strata-test
            path: {htpasswdFile}
        """;

    public static string Token(TokenIssuer issuer, string rootCertBundle) => $"""
        auth:
          token:
            realm: {issuer.Realm}
            service: {issuer.Service}
            issuer: {issuer.IssuerName}
            rootcertbundle: {rootCertBundle}
        """;
}
