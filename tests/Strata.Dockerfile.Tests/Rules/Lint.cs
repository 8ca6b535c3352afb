using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>Runs the linter over hand-written Dockerfile text.</summary>
internal static class Lint
{
    public static IReadOnlyList<LintFinding> Run(string text, params string[] ignore) => DockerfileLinter.Lint(DockerfileDocument.Parse(text), ignore);

    /// <summary>The lines at which the rule <paramref name="id"/> fires.</summary>
    public static int[] Lines(string text, string id) => Run(text).Where(f => f.Advice.Id == id).Select(f => f.Advice.Line!.Value).ToArray();
}
