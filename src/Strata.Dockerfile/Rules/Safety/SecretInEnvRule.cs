using System.Text.RegularExpressions;
using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// A secret in ENV or ARG: a name that says password, secret, token, API key, access key, private key or credentials
/// as a part of it (not a <c>*_FILE</c>, <c>*_PATH</c> or <c>*_URL</c> pointing at one), or a value shaped like a known credential. ENV values are
/// stored in the image config, ARG values in the build history; secrets belong in <c>--mount=type=secret</c>.
/// The secret itself is never repeated in the message.
/// </summary>
public sealed partial class SecretInEnvRule : DockerfileRule
{
    public override string Id => "STR2004";

    public override AdviceSeverity Severity => AdviceSeverity.Error;

    public override string Title => "secret in ENV or ARG";

    public override string Description =>
        "ENV values are written into the image config, readable by anyone who can pull the image, and ARG values used " +
        "by a RUN are kept in its history. Pass secrets at build time with RUN --mount=type=secret,id=… and at run " +
        "time from the environment or a mounted file.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var instruction in context.AllInstructions.Where(i => i.Keyword is "ENV" or "ARG"))
        {
            foreach (var variable in instruction.Syntax.Variables)
            {
                var value = variable.Value?.Trim('"', '\'');
                var namedSecret = SecretName().IsMatch(variable.Name) && !Reference().IsMatch(variable.Name);
                var shapedSecret = value is not null && SecretValue().IsMatch(value);
                if (instruction.Keyword == "ENV" && string.IsNullOrEmpty(value) && !shapedSecret)
                {
                    continue;
                }
                if (namedSecret || shapedSecret)
                {
                    var where = instruction.Keyword == "ENV" ? "is stored in the image config" : "is kept in the build history";
                    yield return new RuleHit(instruction, $"{instruction.Keyword} {variable.Name} looks like a secret and {where}",
                        "pass it with RUN --mount=type=secret or at run time instead");
                }
            }
        }
    }

    /// <summary>A secret's word as a whole part of the name (<c>DB_PASSWORD</c>, <c>NPM_TOKEN</c>), so <c>AUTHOR</c> is none.</summary>
    [GeneratedRegex("(^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|APIKEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)(_|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    /// <summary>AWS access key IDs, GitHub, GitLab and Slack tokens, private key blocks.</summary>
    [GeneratedRegex(@"(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9_\-]{20}|xox[baprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)")]
    private static partial Regex SecretValue();
}
