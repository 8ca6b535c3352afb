using System.Text.RegularExpressions;
using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;
using Strata.TestKit;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>
/// Tricky Dockerfiles (heredocs, the backtick escape, odd continuations, ONBUILD and stages built on stages), each
/// stating in an <c># expect: ID@LINE …</c> comment, written by hand, exactly the findings it must give.
/// </summary>
public sealed partial class LintCorpusTests
{
    private static readonly string Folder = Path.Combine(Fixtures.RepositoryRoot, "tests", "Strata.Dockerfile.Tests", "Rules", "Corpus");

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder, "*.Dockerfile").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_gives_exactly_the_findings_it_expects(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name));
        var expected = Expect().Matches(text).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal);

        var actual = DockerfileLinter.Lint(DockerfileDocument.Parse(text, name)).Select(f => $"{f.Advice.Id}@{f.Advice.Line}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(Files.Count >= 4);
    }

    [GeneratedRegex(@"(?m)^# expect: (.*)$")]
    private static partial Regex Expect();
}
