using Strata.Analysis.Base;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Safety;

/// <summary>The image runs as root: its config's User is empty, 0 or root (with any group).</summary>
internal static class RootUserAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input)
    {
        var user = (input.Config.User ?? "").Trim();
        var name = user.Split(':')[0];
        if (name is not ("" or "0" or "root"))
        {
            yield break;
        }
        yield return new Advice
        {
            Id = AdviceIds.RootUser,
            Hadolint = "DL3002",
            Severity = AdviceSeverity.Warning,
            Title = "The image runs as root",
            Message = user.Length == 0
                ? "The image config sets no User, so its processes run as root (uid 0)."
                : $"The image config sets User '{user}', which is root (uid 0).",
            Line = input.Lines.LastOwn(c => HistoryInstruction.Of(c) == "USER"),
            Fix = "Create an unprivileged user and end with USER (for example `RUN useradd -r -u 10001 app` then `USER 10001`)",
        };
    }
}
