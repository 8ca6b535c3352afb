using Strata.Analysis.Advising;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// No secrets in the image: the secret findings of <c>strata advise</c> (private keys, credential files, tokens in
/// files, secrets in the config's environment), including files a later layer deleted, whose bytes are still pulled.
/// <c>exempt-paths</c> (glob patterns) leaves out files known to be harmless, such as test fixtures.
/// </summary>
public sealed class NoSecretsPolicy(IReadOnlyList<string> exemptPaths) : IPolicy
{
    public const string PolicyName = "no-secrets";

    private static readonly HashSet<string> SecretIds =
        [AdviceIds.SecretInEnvironment, AdviceIds.PrivateKeyFile, AdviceIds.CredentialsFile, AdviceIds.TokenInFile];

    public string Name => PolicyName;

    public string Description => "No private keys, credential files or tokens in the layers or the config's environment"
        + (exemptPaths.Count == 0 ? "" : $" (exempt: {string.Join(", ", exemptPaths)})");

    public static NoSecretsPolicy Read(PolicyParameters parameters)
    {
        var exempt = parameters.Strings("exempt-paths", []);
        parameters.Finish();
        return new NoSecretsPolicy(exempt);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var found = context.Assessment.Advice.Findings
            .Where(f => SecretIds.Contains(f.Id))
            .Where(f => f.Paths.Count == 0 || !f.Paths.All(p => exemptPaths.Any(e => GlobPattern.Matches(e, p))))
            .ToList();
        if (found.Count == 0)
        {
            return PolicyResult.Pass(Name, "no secrets found");
        }
        var evidence = found.Select(f => f.Line is { } line ? $"{f.Title} (Dockerfile line {line})" : f.Title).ToList();
        return PolicyResult.Fail(Name, Plural(found.Count, "secret") + " in the image", evidence) with { Line = found.Select(f => f.Line).FirstOrDefault(l => l is not null) };
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
