using Strata.Analysis.Advising;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// The image must not run as root. The config's User is <c>NAME</c>, <c>UID</c>, <c>NAME:GROUP</c> or
/// <c>UID:GID</c>; empty means root, as the engines run it. A name is root when it is <c>root</c> or when the
/// image's /etc/passwd gives it uid 0. A root group alone (<c>1000:0</c>) is not root: the process has no root powers.
/// </summary>
public sealed class NonRootUserPolicy : IPolicy
{
    public const string PolicyName = "non-root-user";

    public string Name => PolicyName;

    public string Description => "The image config sets a User other than root (uid 0)";

    public static NonRootUserPolicy Read(PolicyParameters parameters)
    {
        parameters.Finish();
        return new NonRootUserPolicy();
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var result = Judge(context);
        // advise's root-user finding knows the Dockerfile's last USER line (or its FROM), when a Dockerfile was given.
        var line = context.Assessment.Advice.Findings.FirstOrDefault(f => f.Id == AdviceIds.RootUser)?.Line;
        return result.Status == PolicyStatus.Fail ? result with { Line = line } : result;
    }

    private PolicyResult Judge(PolicyContext context)
    {
        var user = (context.Assessment.Config.User ?? "").Trim();
        var name = user.Split(':')[0];
        var shown = $"User '{user}'";
        if (name.Length == 0)
        {
            return PolicyResult.Fail(Name, "the image config sets no User, so it runs as root", ["User: (empty)"]);
        }
        if (name.All(char.IsAsciiDigit))
        {
            return long.TryParse(name, out var uid) && uid == 0
                ? PolicyResult.Fail(Name, $"{shown} is uid 0, root", [$"User: {user}"])
                : PolicyResult.Pass(Name, $"{shown} is uid {name}", [$"User: {user}"]);
        }
        if (name == "root")
        {
            return PolicyResult.Fail(Name, $"{shown} is root", [$"User: {user}"]);
        }
        return context.Assessment.Users.TryGetValue(name, out var id)
            ? id == 0
                ? PolicyResult.Fail(Name, $"{shown}: /etc/passwd gives '{name}' uid 0, root", [$"User: {user}", $"/etc/passwd: {name} uid 0"])
                : PolicyResult.Pass(Name, $"{shown}: /etc/passwd gives '{name}' uid {id}", [$"User: {user}", $"/etc/passwd: {name} uid {id}"])
            : PolicyResult.Pass(Name, $"{shown} is not root (its uid is not in the image's /etc/passwd)", [$"User: {user}"]);
    }
}
