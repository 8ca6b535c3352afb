using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;
using Strata.TestKit;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>
/// <c>--fix</c>: the expected texts are written by hand; every byte outside the insertions stays (line endings,
/// continuations, comments, heredocs), and linting the result shows exactly the fixed rules gone.
/// </summary>
public sealed class FixTests
{
    private static (string Text, IReadOnlyList<LintFinding> Fixed) Fix(string text)
    {
        var document = DockerfileDocument.Parse(text);
        return DockerfileFixer.Fix(document, DockerfileLinter.Lint(document));
    }

    /// <remarks>
    /// A test input keeps the fixed RUNs away from DL3059's count: hadolint's rule spares a RUN that chains more than
    /// two commands, so an appended cleanup can rightly end a consecutive-RUN finding too.
    /// </remarks>
    private static List<(string Id, int Line)> Findings(string text) =>
        Lint.Run(text).Select(f => (f.Advice.Id, f.Advice.Line!.Value)).ToList();

    [Fact]
    public void Continuations_comments_and_crlf_stay_and_only_the_fixes_are_inserted()
    {
        const string Before =
            "# syntax=docker/dockerfile:1\r\n" +
            "FROM debian:12-slim\r\n" +
            "RUN apt-get update \\\r\n" +
            "    # the tools\r\n" +
            "    && apt-get install -y \\\r\n" +
            "       curl git\r\n" +
            "WORKDIR /app\r\n" +
            "RUN pip3 install flask \r\n" +
            "RUN apk add curl\r\n" +
            "USER app\r\n";
        const string After =
            "# syntax=docker/dockerfile:1\r\n" +
            "FROM debian:12-slim\r\n" +
            "RUN apt-get update \\\r\n" +
            "    # the tools\r\n" +
            "    && apt-get install --no-install-recommends -y \\\r\n" +
            "       curl git && rm -rf /var/lib/apt/lists/*\r\n" +
            "WORKDIR /app\r\n" +
            "RUN pip3 install --no-cache-dir flask \r\n" +
            "RUN apk add --no-cache curl\r\n" +
            "USER app\r\n";

        var (text, fixedFindings) = Fix(Before);

        Assert.Equal(After, text);
        Assert.Equal(["STR1001", "STR1002", "STR1003", "STR1004"], fixedFindings.Select(f => f.Advice.Id).Order(StringComparer.Ordinal));
        var expected = Findings(Before).Where(f => f.Id is not ("STR1001" or "STR1002" or "STR1003" or "STR1004")).ToList();
        Assert.Equal(expected, Findings(text));
        Assert.Contains(("STR1010", 9), expected); // the other findings are still there, at the same lines
    }

    [Fact]
    public void A_backtick_escape_file_gets_the_cleanup_after_its_last_line()
    {
        const string Before = "# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl\nUSER app\n";
        const string After = "# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nUSER app\n";

        Assert.Equal(After, Fix(Before).Text);
    }

    [Fact]
    public void A_heredoc_script_gets_its_flag_but_no_appended_cleanup()
    {
        const string Before = "FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n";
        const string After = "FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\nUSER app\n";

        var (text, fixedFindings) = Fix(Before);

        Assert.Equal(After, text);
        Assert.Equal(["STR1002"], fixedFindings.Select(f => f.Advice.Id));
        Assert.Equal([("STR1001", 2)], Findings(text));
    }

    [Fact]
    public void The_lists_are_kept_when_a_later_run_installs_without_its_own_update()
    {
        const string Text = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCOPY x /x\nRUN apt-get install -y --no-install-recommends git\nUSER app\n";

        var (text, fixedFindings) = Fix(Text);

        Assert.Equal(Text, text);
        Assert.Empty(fixedFindings);
        Assert.Contains(("STR1001", 2), Findings(Text));
    }

    [Fact]
    public void The_lists_are_kept_when_a_stage_built_on_this_one_installs_without_an_update()
    {
        const string Text = "FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nFROM base\nRUN apt-get install -y --no-install-recommends git\nUSER app\n";

        Assert.Equal(Text, Fix(Text).Text);
        Assert.Contains(("STR1001", 2), Findings(Text));
    }

    [Fact]
    public void Exec_form_is_reported_but_not_edited()
    {
        const string Text = "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\nUSER app\n";

        Assert.Contains(("STR1002", 2), Findings(Text));
        Assert.Equal(Text, Fix(Text).Text);
    }

    [Fact]
    public void Wasteful_gets_only_its_install_line_changed_and_a_second_fix_changes_nothing()
    {
        var original = File.ReadAllText(Path.Combine(Fixtures.Shared, "dockerfiles", "wasteful", "Dockerfile"));
        var expected = original.Replace("RUN apt-get install -y python3", "RUN apt-get install --no-install-recommends -y python3", StringComparison.Ordinal);
        Assert.NotEqual(original, expected);

        var (text, fixedFindings) = Fix(original);

        Assert.Equal(expected, text);
        Assert.Equal([("STR1002", 3)], fixedFindings.Select(f => (f.Advice.Id, f.Advice.Line!.Value)));
        Assert.Equal(Findings(original).Where(f => f.Id != "STR1002").ToList(), Findings(text));
        var (again, none) = Fix(text);
        Assert.Equal(text, again);
        Assert.Empty(none);
    }
}
