using System.Text.RegularExpressions;

namespace Strata.Analysis.Advising.Safety;

/// <summary>Well-known token formats, each with a hint safe to print (the format's public prefix, never the secret).</summary>
public static partial class SecretPatterns
{
    public static readonly IReadOnlyList<(string Name, Regex Pattern)> Tokens =
    [
        ("AWS access key ID (AKIA…)", AwsAccessKey()),
        ("GitHub token (ghp_…)", GitHubToken()),
        ("GitHub fine-grained token (github_pat_…)", GitHubPat()),
        ("Slack token (xox…)", SlackToken()),
    ];

    /// <summary>
    /// The name of the first token format <paramref name="text"/> contains, or null. A private key's header is not
    /// one: documentation names it too, so files are judged by whether they start with it (and values by their name).
    /// </summary>
    public static string? FindToken(string text)
    {
        foreach (var (name, pattern) in Tokens)
        {
            foreach (Match match in pattern.Matches(text))
            {
                // AWS's documentation key, which appears in SDKs and samples.
                if (!match.Value.EndsWith("EXAMPLE", StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>An environment variable name that says it holds a secret (API_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY…).</summary>
    public static bool IsSecretName(string name) =>
        SecretName().IsMatch(name) && !NotSecretName().IsMatch(name);

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"\bgh[opsur]_[A-Za-z0-9]{36}\b")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bgithub_pat_[A-Za-z0-9_]{22,}\b")]
    private static partial Regex GitHubPat();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----")]
    public static partial Regex PrivateKeyHeader();

    [GeneratedRegex(@"(TOKEN|PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // GPG_KEY (python's images) is a public key's fingerprint; *_FILE and *_PATH name where a secret is, not the secret.
    [GeneratedRegex(@"(GPG|_FILE$|_PATH$|_DIR$|_URL$|_ID$)", RegexOptions.IgnoreCase)]
    private static partial Regex NotSecretName();
}
