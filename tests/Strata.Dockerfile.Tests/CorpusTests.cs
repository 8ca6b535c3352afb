using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Tests;

/// <summary>
/// What the builder reads from each corpus file, worked out by hand from the Dockerfile reference (and, for the
/// escaped trailing backslash, BuildKit's fix in moby/buildkit#1559): line numbers are counted in the files.
/// </summary>
public sealed class CorpusTests
{
    [Fact]
    public void Heredocs_take_the_lines_after_their_instruction_in_order()
    {
        var document = Corpus.Load("heredocs.Dockerfile");
        Assert.Equal("docker/dockerfile:1", document.Directive("syntax"));
        Assert.Equal(["FROM", "RUN", "RUN", "COPY", "ARG", "COPY", "RUN", "RUN", "CMD"], document.Instructions.Select(i => i.Keyword));

        var script = document.Instructions[1];
        Assert.Equal((3, 7), (script.Line, script.EndLine));
        var eot = Assert.Single(script.Heredocs);
        Assert.Equal(("EOT", true, false), (eot.Name, eot.Expand, eot.Chomp));
        Assert.Equal("  set -ex\n  apt-get update\n  apt-get install -y vim\n", eot.Body);
        Assert.Equal(4, eot.BodyLine);
        Assert.Equal("EOT", eot.TerminatorSpan.Of(document.Text));

        var two = document.Instructions[2];
        Assert.Equal((8, 14), (two.Line, two.EndLine));
        Assert.Equal(["FILE1", "FILE2"], two.Heredocs.Select(h => h.Name));
        Assert.Equal(["I am\nfirst\n", "I am\nsecond\n"], two.Heredocs.Select(h => h.Body));
        Assert.Equal("<<FILE2", two.Heredocs[1].MarkerSpan.Of(document.Text));

        var greeting = document.Instructions[3];
        Assert.Equal("hello world\n", Assert.Single(greeting.Heredocs).Body);
        Assert.Equal(["<<EOF", "greeting.txt"], greeting.Words.Select(w => w.Text));

        var chomped = Assert.Single(document.Instructions[5].Heredocs);
        Assert.Equal(("EOT", false, true), (chomped.Name, chomped.Expand, chomped.Chomp));
        Assert.Equal("\t\techo \"hello ${FOO}\"\n", chomped.Body);
        Assert.Equal("echo \"hello ${FOO}\"\n", chomped.Content);
        Assert.Equal((19, 21), (document.Instructions[5].Line, document.Instructions[5].EndLine));

        var data = document.Instructions[6];
        var heredoc = Assert.Single(data.Heredocs);
        Assert.Equal(("DATA", false, 3), (heredoc.Name, heredoc.Expand, heredoc.FileDescriptor));
        Assert.Equal("3<<'DATA' python3 -     --verbose", data.Arguments);
        Assert.Equal((22, 26), (data.Line, data.EndLine));
        Assert.Equal("# not a comment: heredoc bodies are kept as written\nRUN echo this is body text, not an instruction \\\n", heredoc.Body);
        Assert.DoesNotContain(document.Comments, c => c.Line == 24);

        var empty = Assert.Single(document.Instructions[7].Heredocs);
        Assert.Equal(("EMPTY", ""), (empty.Name, empty.Body));
        Assert.Equal((27, 28), (document.Instructions[7].Line, document.Instructions[7].EndLine));
        Assert.Equal(["sh"], document.Instructions[8].ExecArguments);
        Assert.Equal(29, document.Instructions[8].Line);
    }

    [Fact]
    public void Continuations_join_lines_and_skip_comment_and_empty_lines()
    {
        var document = Corpus.Load("continuations.Dockerfile");
        Assert.Equal(["FROM", "RUN", "ENV", "ENV", "ENV", "ENV", "ENV", "RUN", "RUN", "LABEL", "RUN"], document.Instructions.Select(i => i.Keyword));

        var run = document.Instructions[1];
        Assert.Equal((2, 10), (run.Line, run.EndLine));
        Assert.Equal("apt-get update     && apt-get install -y         curl         git     && rm -rf /var/lib/apt/lists/*", run.Arguments);
        Assert.Equal(["a comment line inside the continuation", "an indented comment"], run.Comments.Select(c => c.Text));
        Assert.Equal([4, 9], run.Comments.Select(c => c.Line));
        Assert.Equal(["apt-get", "update", "&&", "apt-get", "install", "-y", "curl", "git", "&&", "rm", "-rf", "/var/lib/apt/lists/*"], run.Words.Select(w => w.Text));
        Assert.Equal([false, false, true], run.Words.Take(3).Select(w => w.IsOperator));
        var curl = run.Words.Single(w => w.Text == "curl");
        Assert.Equal((5, 9), document.PositionOf(curl.Span.Offset));

        // ENV C ends in an escaped backslash, so it does not continue: ENV D is an instruction of its own.
        var env = document.Instructions.Skip(2).Take(5).ToList();
        Assert.Equal([11, 12, 13, 14, 15], env.Select(i => i.Line));
        Assert.Equal("another\\path", document.Expand(env[1].Variables[0].Value!, run));
        Assert.Equal("trailing\\backslash\\", document.Expand(env[2].Variables[0].Value!, run));
        Assert.Equal(("E", "helloworld"), (env[4].Variables[0].Name, env[4].Variables[0].Value));
        Assert.Equal(17, env[4].EndLine);

        var tabs = document.Instructions[7];
        Assert.Equal((18, 3), (tabs.Line, tabs.Column));
        Assert.Equal("echo\t\"tabs\"", tabs.Arguments);

        var echo = document.Instructions[8];
        Assert.Equal((20, 22), (echo.Line, echo.EndLine));
        Assert.Equal("echo \"     hello     world\"", echo.Arguments);
        Assert.Equal("indented comment between instructions", Assert.Single(echo.LeadingComments).Text);

        var label = document.Instructions[9];
        Assert.Equal(["description", "version"], label.Variables.Select(v => v.Name));
        Assert.Equal("a multi-line label", document.Expand(label.Variables[0].Value!, label));
        Assert.Equal("1.0", label.Variables[1].Value);

        var last = document.Instructions[10];
        Assert.Equal((26, 26, "echo last"), (last.Line, last.EndLine, last.Arguments));
        Assert.Equal([4, 9, 19], document.Comments.Select(c => c.Line));
    }

    [Fact]
    public void The_backtick_escape_leaves_backslashes_alone()
    {
        var document = Corpus.Load("escape-backtick.Dockerfile");
        Assert.Equal('`', document.EscapeCharacter);
        Assert.Equal(["FROM", "SHELL", "COPY", "RUN", "ADD", "RUN", "ENV", "WORKDIR"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal(["powershell", "-command"], document.Instructions[1].ExecArguments);
        var copy = document.Instructions[2];
        Assert.Equal((5, 5), (copy.Line, copy.EndLine));
        Assert.Equal(["testfile.txt", "c:\\"], copy.Words.Select(w => w.Text));
        var run = document.Instructions[3];
        Assert.Equal((6, 7), (run.Line, run.EndLine));
        Assert.Equal("New-Item -ItemType Directory C:\\Example ;     Write-Host done", run.Arguments);
        Assert.Equal((8, 8), (document.Instructions[4].Line, document.Instructions[4].EndLine));
        var env = document.Instructions[6];
        Assert.Equal(["TOOLS", "PATH"], env.Variables.Select(v => v.Name));
        Assert.Equal("C:\\tools;C:\\bin", document.Expand("$PATH", document.Instructions[7]));
        Assert.Equal("C:\\app", document.Instructions[7].Arguments);
    }

    [Fact]
    public void Crlf_line_endings_stay_out_of_the_arguments()
    {
        var document = Corpus.Load("crlf.Dockerfile");
        Assert.Equal(["FROM", "RUN", "RUN", "CMD"], document.Instructions.Select(i => i.Keyword));
        var run = document.Instructions[1];
        Assert.Equal((4, 6), (run.Line, run.EndLine));
        Assert.Equal("apk add --no-cache       curl       jq", run.Arguments);
        Assert.Equal("echo crlf heredoc\r\n", Assert.Single(document.Instructions[2].Heredocs).Body);
        Assert.Equal(["jq", "--version"], document.Instructions[3].ExecArguments);
        Assert.Equal(11, document.Instructions[3].Line);
        Assert.All(document.Tokens.Where(t => t.Kind == DockerfileTokenKind.NewLine), t => Assert.Equal("\r\n", t.Text));
        Assert.Equal("a comment", Assert.Single(document.Comments).Text);
    }

    [Fact]
    public void A_last_line_without_a_newline_is_an_instruction()
    {
        var document = Corpus.Load("no-final-newline.Dockerfile");
        var entrypoint = document.Instructions[^1];
        Assert.Equal(("ENTRYPOINT", 3), (entrypoint.Keyword, entrypoint.Line));
        Assert.Equal(["/hello"], entrypoint.ExecArguments);
        Assert.NotEqual(DockerfileTokenKind.NewLine, document.Tokens.Last().Kind);
    }

    [Fact]
    public void Onbuild_holds_its_trigger_instruction()
    {
        var document = Corpus.Load("onbuild.Dockerfile");
        Assert.Equal("builder", document.Stages[0].Name);
        var onbuild = document.Instructions.Skip(1).ToList();
        Assert.All(onbuild, i => Assert.Equal("ONBUILD", i.Keyword));
        Assert.Equal(["ADD", "RUN", "COPY", "RUN", "RUN"], onbuild.Select(i => i.OnBuild!.Keyword));
        var lower = onbuild[1].OnBuild!;
        Assert.Equal((3, 9), (lower.Line, lower.Column));
        Assert.Equal("/usr/local/bin/python-build --dir /app/src", lower.Arguments);
        Assert.Equal("build", onbuild[2].OnBuild!.Flag("from")!.Value);
        var mount = Assert.Single(onbuild[3].OnBuild!.Mounts);
        Assert.Equal(("bind", "config", "/opt/appconfig"), (mount.Type, mount.From, mount.Target));
        Assert.Equal((5, 6), (onbuild[3].Line, onbuild[3].EndLine));
        Assert.Equal("echo triggered\n", Assert.Single(onbuild[4].Heredocs).Body);
        Assert.Equal((7, 9), (onbuild[4].Line, onbuild[4].EndLine));
    }

    [Fact]
    public void Exec_form_is_a_json_array_of_strings_and_anything_else_is_shell_form()
    {
        var document = Corpus.Load("json-forms.Dockerfile");
        var i = document.Instructions;
        Assert.Equal(["c:\\windows\\system32\\tasklist.exe"], i[1].ExecArguments);
        // The reference's own example: unescaped backslashes are not JSON, so the builder runs it through the shell.
        Assert.False(i[2].IsExecForm);
        Assert.Equal("[\"c:\\windows\\system32\\tasklist.exe\"]", i[2].Arguments);
        Assert.Equal(["echo", "say \"hi\"", "été", "tab\there"], i[3].ExecArguments);
        Assert.Equal(["/bin/sh", "-c"], i[4].ExecArguments);
        Assert.Equal((5, 6), (i[4].Line, i[4].EndLine));
        Assert.False(i[5].IsExecForm);
        Assert.Equal(["[not", "json]"], i[5].Words.Select(w => w.Text));
        Assert.Equal(["/data", "/logs"], i[6].ExecArguments);
        Assert.Equal(["/var/cache", "/tmp"], i[7].Words.Select(w => w.Text));
        Assert.Equal(["/bin/bash", "-o", "pipefail", "-c"], i[8].ExecArguments);
        Assert.Equal([], i[9].ExecArguments!);
        var health = i[10];
        Assert.Equal([("interval", "5m"), ("timeout", "3s")], health.Flags.Select(f => (f.Name, f.Value)));
        Assert.Equal("CMD curl -f http://localhost/ || exit 1", health.Arguments);
    }

    [Fact]
    public void Directives_come_first_and_comments_above_an_instruction_are_its_leading_comments()
    {
        var document = Corpus.Load("directives.Dockerfile");
        Assert.Equal(["syntax", "check", "escape"], document.Directives.Select(d => d.Name));
        Assert.Equal(["docker/dockerfile:1.7", "skip=JSONArgsRecommended;error=true", "\\"], document.Directives.Select(d => d.Value));
        Assert.Equal('\\', document.EscapeCharacter);
        Assert.Equal([4, 5, 6, 8, 9, 12], document.Comments.Select(c => c.Line));
        Assert.Equal("escape=`", document.Comments[1].Text);
        var (from, run, user) = (document.Instructions[0], document.Instructions[1], document.Instructions[2]);
        Assert.Equal([4, 5, 6], from.LeadingComments.Select(c => c.Line));
        Assert.Equal(["strata ignore=STR1001", "hadolint ignore=DL3018,DL3019"], run.LeadingComments.Select(c => c.Text));
        Assert.Empty(user.LeadingComments);
        Assert.Equal(14, user.Line);
    }

    [Fact]
    public void Stages_arguments_flags_and_mounts()
    {
        var document = Corpus.Load("stages-args.Dockerfile");
        Assert.Equal(3, document.GlobalArgs.Count);
        Assert.Equal([-1, -1, -1, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2], document.Instructions.Select(i => i.StageIndex));
        var (build, test, final) = (document.Stages[0], document.Stages[1], document.Stages[2]);
        Assert.Equal(("build", "${BASE}:${TAG}", "$BUILDPLATFORM"), (build.Name, build.Image, build.Platform));
        Assert.Equal("python:3.12", document.Expand(build.Image, build.From));
        Assert.Equal("linux/arm64", document.Expand(build.Platform!, build.From, new Dictionary<string, string> { ["BUILDPLATFORM"] = "linux/arm64" }));
        Assert.Equal(["ARG", "ENV", "ENV", "RUN"], build.Instructions.Select(i => i.Keyword));
        Assert.Equal(("test", 0), (test.Name, test.BaseStageIndex));
        Assert.Null(final.Name);
        Assert.Null(final.BaseStageIndex);
        Assert.Equal("python:3.12-slim", document.Expand(final.Image, final.From));
        Assert.Same(final, document.FinalStage);

        var run = build.Instructions[3];
        Assert.Equal((8, 12), (run.Line, run.EndLine));
        Assert.Equal("pip install -r /tmp/req.txt", run.Arguments);
        Assert.Equal(["cache", "secret", "bind"], run.Mounts.Select(m => m.Type));
        Assert.Equal(("/root/.cache/pip", "locked"), (run.Mounts[0].Target, run.Mounts[0].Option("sharing")));
        Assert.Equal(("npmrc", "/root/.npmrc"), (run.Mounts[1].Id, run.Mounts[1].Target));
        Assert.Equal(("requirements.txt", "/tmp/req.txt", ""), (run.Mounts[2].Source, run.Mounts[2].Target, run.Mounts[2].Option("readonly")));
        var network = run.Flag("network")!;
        Assert.Equal("none", network.Value);
        Assert.Equal("--network=none", network.Span.Of(document.Text));
        Assert.Equal((11, 5), document.PositionOf(network.Span.Offset));
        Assert.Equal("none", network.ValueSpan!.Value.Of(document.Text));

        var scope = document.VariablesAt(run);
        Assert.Equal("3.12", scope["TAG"]);
        Assert.Equal("/root/.cache", scope["CACHE"]);
        Assert.False(scope.ContainsKey("BASE"));
        Assert.Equal("", document.Expand("$BASE", run));
        // A stage built FROM another inherits its ARG and ENV values.
        Assert.Equal("/root/.cache 3.12", document.Expand("$CACHE $TAG", test.Instructions[0]));

        var copy = final.Instructions[0];
        Assert.Equal([("from", "build"), ("chown", "app:app"), ("chmod", "0755"), ("link", null)], copy.Flags.Select(f => (f.Name, f.Value)));
        Assert.Equal(["/opt/pip", "/opt/pip"], copy.Words.Select(w => w.Text));
        // USER was never declared with ARG, so a build argument does not reach it and the default applies.
        Assert.Equal("app", document.Expand(final.Instructions[1].Arguments, final.Instructions[1], new Dictionary<string, string> { ["USER"] = "root" }));
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_escape_directive()
    {
        var document = Corpus.Load("bom.Dockerfile");
        Assert.Equal('\uFEFF', document.Text[0]);
        Assert.Equal(DockerfileTokenKind.ByteOrderMark, document.Tokens.First().Kind);
        Assert.Equal('`', document.EscapeCharacter);
        var copy = document.Instructions[1];
        Assert.Equal((3, 4), (copy.Line, copy.EndLine));
        Assert.Equal("a      /a", copy.Arguments);
    }

    [Fact]
    public void Keywords_are_read_in_any_case_and_after_indentation()
    {
        var document = Corpus.Load("lower-case-and-tabs.Dockerfile");
        Assert.Equal(["FROM", "RUN", "WORKDIR", "EXPOSE", "STOPSIGNAL", "MAINTAINER", "USER", "ENTRYPOINT"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal("base", document.Stages[0].Name);
        var run = document.Instructions[1];
        Assert.Equal((2, 2), (run.Line, run.Column));
        Assert.Equal("run", run.KeywordSpan.Of(document.Text));
        Assert.Equal((3, 3), (document.Instructions[2].Line, document.Instructions[2].Column));
        Assert.Equal(["8080/tcp", "9090"], document.Instructions[3].Words.Select(w => w.Text));
        Assert.Equal(["/sbin/tini", "--"], document.Instructions[7].ExecArguments);
    }
}
