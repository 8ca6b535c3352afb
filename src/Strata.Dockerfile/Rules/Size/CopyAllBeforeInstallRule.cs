using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// <c>COPY . .</c> (the whole build context) before a RUN in the same stage that installs dependencies
/// (<c>npm ci</c>, <c>pip install -r</c>, <c>go mod download</c>, …): any change to any file invalidates the cache of
/// the install. Copy the dependency manifests first, install, then copy the rest.
/// </summary>
public sealed class CopyAllBeforeInstallRule : DockerfileRule
{
    public override string Id => "STR1012";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "COPY . before installing dependencies defeats the cache";

    public override string Description =>
        "The build cache of a step is reused only while everything it was built from is unchanged. Copying the whole " +
        "context before installing dependencies reruns the install on every source change. Copy only the manifests " +
        "(package.json and its lock file, requirements.txt, go.mod and go.sum, …), install, then COPY . .";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var stage in context.Stages)
        {
            LintInstruction? copyAll = null;
            foreach (var instruction in stage.Instructions.Where(i => !i.IsOnBuild))
            {
                if (copyAll is null && instruction.Keyword is "COPY" or "ADD" && instruction.Syntax.Flag("from") is null && CopiesContext(instruction))
                {
                    copyAll = instruction;
                }
                else if (copyAll is not null && instruction.Keyword == "RUN" && instruction.Commands.FirstOrDefault(InstallsDependencies) is { } install)
                {
                    yield return new RuleHit(copyAll, $"the whole context is copied before '{install.Program} {install.Words.FirstOrDefault()?.Value}' on line {instruction.Line}: any source change reruns the install",
                        "COPY the dependency manifests, run the install, then COPY . .");
                    break;
                }
            }
        }
    }

    private static bool CopiesContext(LintInstruction copy)
    {
        var operands = copy.Operands;
        return operands.Count >= 2 && operands.Take(operands.Count - 1).Any(s => s is "." or "./" or "*" or "./*");
    }

    internal static bool InstallsDependencies(ShellCommand c)
    {
        var first = c.Words.FirstOrDefault()?.Value;
        return c.Program switch
        {
            "npm" => first is "install" or "i" or "ci",
            "yarn" => first is null or "install",
            "pnpm" => first is "install" or "i",
            "bundle" => first is "install",
            "composer" => first is "install",
            "poetry" => first is "install",
            "pipenv" => first is "install" or "sync",
            "go" => first is "mod" && c.Words.Skip(1).FirstOrDefault()?.Value == "download",
            "cargo" => first is "fetch" or "build",
            "mvn" or "mvnw" => true,
            "gradle" or "gradlew" => true,
            "dotnet" => first is "restore",
            _ => PipNoCacheDirRule.InstallWord(c) is not null && c.HasFlag("r", "requirement"),
        };
    }
}
