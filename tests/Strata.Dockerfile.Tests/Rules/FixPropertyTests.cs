using FsCheck;
using FsCheck.Fluent;
using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>
/// <c>--fix</c> over generated Dockerfiles (installs in many spellings, continuations with comments inside, CRLF,
/// the backtick escape, heredocs): the result parses, the fixes are the only change (none of the inserted texts
/// occurs in the generated input, so removing them all must give the input back byte for byte), a fixed finding is
/// gone, and a second fix changes nothing.
/// </summary>
public sealed class FixPropertyTests
{
    private static readonly string[] Insertions = [" --no-install-recommends", " --no-cache-dir", " --no-cache", " && rm -rf /var/lib/apt/lists/*"];

    private static readonly string[] Commands =
    [
        "apt-get update", "apt-get install -y curl", "apt-get -y install git", "DEBIAN_FRONTEND=noninteractive apt-get install -yq ca-certificates",
        "pip install flask", "pip3 install -r requirements.txt", "python3 -m pip install requests", "apk add curl", "apk update",
        "echo 'apt-get install x'", "make", "cd /src", "curl -fsSL https://example.com/x.sh", "true",
    ];

    private static Gen<string> Run(string newline, char escape) =>
        from count in Gen.Choose(1, 4)
        from commands in Gen.Elements(Commands).ListOf(count)
        from joins in Gen.Elements(" && ", $" {escape}{newline}    && ", $" && {escape}{newline}    # note{newline}    ", "; ", " || ").ListOf(count)
        select "RUN " + string.Concat(commands.Select((c, i) => i == 0 ? c : joins[i] + c));

    private static Gen<string> Heredoc(string newline) =>
        from commands in Gen.Elements(Commands).ListOf(2)
        select $"RUN <<EOF{newline}{string.Join(newline, commands)}{newline}EOF";

    private static Gen<string> Dockerfile() =>
        from crlf in Gen.Elements(false, true)
        from backtick in Gen.Elements(false, true)
        let newline = crlf ? "\r\n" : "\n"
        let escape = backtick ? '`' : '\\'
        from body in Gen.OneOf(Run(newline, escape), Run(newline, escape), Heredoc(newline), Gen.Constant("COPY . /app"), Gen.Constant("USER 1000")).ListOf()
        select (backtick ? "# escape=`" + newline : "") + "FROM debian:12-slim" + newline + string.Concat(body.Take(8).Select(l => l + newline));

    [Fact]
    public void Fixes_are_the_only_change_and_hold()
    {
        var fixedIds = new HashSet<string>();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Dockerfile().ToArbitrary(), text => FixesHold(text, fixedIds)));

        // The generator reaches every kind of fix, so the property is not vacuous.
        Assert.Equal(["STR1001", "STR1002", "STR1003", "STR1004"], fixedIds.Order(StringComparer.Ordinal));
    }

    private static bool FixesHold(string text, HashSet<string> fixedIds)
    {
        var document = DockerfileDocument.Parse(text);
        var (fixedText, fixedFindings) = DockerfileFixer.Fix(document, DockerfileLinter.Lint(document));

        var fixedDocument = DockerfileDocument.Parse(fixedText);
        var restored = Insertions.Aggregate(fixedText, (t, insertion) => t.Replace(insertion, "", StringComparison.Ordinal));
        Assert.Equal(text, restored);
        var after = DockerfileLinter.Lint(fixedDocument).Select(f => (f.Advice.Id, f.Advice.Line)).ToHashSet();
        Assert.All(fixedFindings, f => Assert.DoesNotContain((f.Advice.Id, f.Advice.Line), after));
        Assert.Equal(fixedText, DockerfileFixer.Fix(fixedDocument, DockerfileLinter.Lint(fixedDocument)).Text);
        fixedIds.UnionWith(fixedFindings.Select(f => f.Advice.Id));
        return true;
    }
}
