using Strata.Analysis.Base;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Safety;

/// <summary>
/// Secrets in the image config's environment: a variable whose name says it holds one (TOKEN, PASSWORD, SECRET…)
/// with a value, or any value in a well-known token format. Anyone who pulls the image reads them.
/// </summary>
internal static class EnvironmentSecretAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input)
    {
        foreach (var variable in input.Config.Env)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == variable.Length - 1)
            {
                continue;
            }
            var name = variable[..equals];
            var value = variable[(equals + 1)..];
            var token = SecretPatterns.FindToken(value) ?? (SecretPatterns.PrivateKeyHeader().IsMatch(value) ? "private key" : null);
            if (token is null && !SecretPatterns.IsSecretName(name))
            {
                continue;
            }
            var why = token is null ? "its name says it holds a secret" : $"its value matches the {token} format";
            yield return new Advice
            {
                Id = AdviceIds.SecretInEnvironment,
                Severity = AdviceSeverity.Error,
                Title = $"Secret in the environment: {name}",
                Message = $"The image config sets {name} ({Redaction.Hint(value)}); {why}. Everyone who can pull the image can read it (docker inspect).",
                Line = input.Lines.LastOwn(c => HistoryInstruction.Of(c) == "ENV" && MentionsVariable(c, name)),
                Paths = [],
                Fix = "Pass it at run time (docker run -e, an orchestrator's secret), or use RUN --mount=type=secret during the build; rotate the exposed value",
            };
        }
    }

    private static bool MentionsVariable(string createdBy, string name)
    {
        var at = createdBy.IndexOf(name, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 ? ' ' : createdBy[at - 1];
            var after = at + name.Length < createdBy.Length ? createdBy[at + name.Length] : ' ';
            if (!char.IsAsciiLetterOrDigit(before) && before != '_' && (after is '=' or ' ' or '\t'))
            {
                return true;
            }
            at = createdBy.IndexOf(name, at + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
