using System.Text.RegularExpressions;
using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// Build toolchains in the final image: compilers, build-essential, <c>*-dev</c> headers, a JDK, Go or Rust installed
/// by a package manager, npm's dev dependencies installed, or a toolchain image as the final base. A multi-stage build
/// keeps them in a build stage and copies only the result.
/// </summary>
public sealed partial class ToolchainRule : DockerfileRule
{
    private static readonly HashSet<string> ToolchainImages = new(StringComparer.Ordinal) { "golang", "rust", "maven", "gradle", "gcc", "buildpack-deps" };

    public override string Id => "STR1013";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "build toolchain in the final image";

    public override string Description =>
        "Compilers, headers, JDKs and dev dependencies are needed to build, not to run, and often weigh hundreds of MB. " +
        "Build in an earlier stage (FROM … AS build) and COPY --from=build only the result into a small final stage.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        if (context.FinalStage is not { } final)
        {
            yield break;
        }
        var root = final.Lineage.Last();
        if (root.Image is { } image && ImageName.Parse(image) is { IsOfficial: true } name && ToolchainImages.Contains(name.ShortName))
        {
            yield return new RuleHit(root.From, $"the final image is built on {name.ShortName}, a build toolchain image",
                "build in a stage FROM this image, then COPY --from the result into a slim, distroless or scratch image");
        }
        foreach (var run in context.Runs.Where(r => r.Stage is { InFinalImage: true } && !r.IsOnBuild))
        {
            var tools = run.Commands.SelectMany(Toolchain).Distinct(StringComparer.Ordinal).ToList();
            if (tools.Count > 0)
            {
                yield return new RuleHit(run, $"build toolchain installed in the final image: {string.Join(", ", tools)}",
                    "build in an earlier stage and COPY --from only the result")
                {
                    Paths = [],
                };
            }
        }
    }

    private static IEnumerable<string> Toolchain(ShellCommand command)
    {
        foreach (var package in PackageCommands.InstalledPackages(command).Where(IsToolchainPackage))
        {
            yield return package;
        }
        if (command.Program == "npm" && command.Words.FirstOrDefault()?.Value is "install" or "i" or "ci"
            && !command.HasFlag("production", "only", "omit") && !command.Arguments.Any(a => a.Value.StartsWith("--omit=dev", StringComparison.Ordinal)))
        {
            yield return "npm dev dependencies";
        }
    }

    private static bool IsToolchainPackage(string package) => ToolchainPackage().IsMatch(package);

    [GeneratedRegex(@"^(gcc(-[0-9.]+)?|g\+\+(-[0-9.]+)?|clang(-[0-9.]+)?|build-essential|build-base|make|cmake|automake|autoconf|libtool|cargo|rustc|golang(-go|-[0-9.]+)?|go|maven|gradle|default-jdk(-headless)?|openjdk-?[0-9]+-jdk(-headless)?|java-[0-9.]+-openjdk-devel|.+-dev|.+-devel)$")]
    private static partial Regex ToolchainPackage();
}
