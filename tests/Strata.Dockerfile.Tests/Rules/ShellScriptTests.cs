using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>The lint rules' reading of RUN scripts, checked against what a POSIX shell would run.</summary>
public sealed class ShellScriptTests
{
    [Fact]
    public void Commands_split_at_operators_with_assignments_and_redirections_set_aside()
    {
        var script = ShellScript.Parse("DEBIAN_FRONTEND=noninteractive apt-get install -y curl > /dev/null 2>&1 && rm -rf /var/lib/apt/lists/* ; echo 'a && b' | sh");

        Assert.Equal(["apt-get", "rm", "echo", "sh"], script.Commands.Select(c => c.Program));
        Assert.Equal(["install", "-y", "curl"], script.Commands[0].Arguments.Select(a => a.Value));
        Assert.Equal(["-rf", "/var/lib/apt/lists/*"], script.Commands[1].Arguments.Select(a => a.Value));
        Assert.Equal(["a && b"], script.Commands[2].Arguments.Select(a => a.Value));
        Assert.Equal([null, "&&", ";", "|"], script.Commands.Select(c => c.Separator));
    }

    [Fact]
    public void Word_offsets_point_into_the_original_text_across_continuations()
    {
        var text = "apt-get update \\\n    # a comment the builder drops\n    && apt-get \\\n  install -y \"curl\"";
        var script = ShellScript.Parse(text, offset: 100);

        Assert.Equal(["apt-get", "apt-get"], script.Commands.Select(c => c.Program));
        var install = script.Commands[1].Argument("install")!;
        Assert.Equal("install", text[(install.Start - 100)..(install.End - 100)]);
        var curl = script.Commands[1].Arguments[^1];
        Assert.Equal("curl", curl.Value);
        Assert.Equal("\"curl\"", text[(curl.Start - 100)..(curl.End - 100)]);
        Assert.Equal(100 + text.Length, script.ContentEnd);
        Assert.False(script.EndsWithOperator);
    }

    [Fact]
    public void A_backtick_escape_continues_lines_and_a_backslash_stays_a_shell_escape()
    {
        var script = ShellScript.Parse("echo a\\ b `\n && ls", escape: '`');

        Assert.Equal(["echo", "ls"], script.Commands.Select(c => c.Program));
        Assert.Equal(["a b"], script.Commands[0].Arguments.Select(a => a.Value));
    }

    [Fact]
    public void Command_substitutions_stay_inside_their_word_and_keywords_are_skipped()
    {
        var script = ShellScript.Parse("if [ -f x ]; then cd $(dirname \"$(pwd)\") && echo `date`; fi");

        Assert.Equal(["[", "cd", "echo"], script.Commands.Select(c => c.Program));
        Assert.Equal(["$(dirname \"$(pwd)\")"], script.Commands[1].Arguments.Select(a => a.Value));
        Assert.Equal(["`date`"], script.Commands[2].Arguments.Select(a => a.Value));
    }

    [Fact]
    public void Newlines_separate_commands_as_in_a_heredoc_body_and_comments_are_skipped()
    {
        var script = ShellScript.Parse("set -e\n# install\npip install flask  # web\n\nyum clean all\n");

        Assert.Equal(["set", "pip", "yum"], script.Commands.Select(c => c.Program));
        Assert.Equal(["install", "flask"], script.Commands[1].Arguments.Select(a => a.Value));
    }

    [Fact]
    public void A_trailing_semicolon_is_reported_so_no_and_and_is_appended_after_it()
    {
        Assert.True(ShellScript.Parse("apt-get update;").EndsWithOperator);
        Assert.False(ShellScript.Parse("apt-get update").EndsWithOperator);
    }

    [Fact]
    public void Flags_are_found_alone_combined_and_with_values()
    {
        var command = ShellScript.Parse("useradd -lm --uid=123456 -s /bin/sh app").Commands[0];

        Assert.True(command.HasFlag("l"));
        Assert.True(command.HasFlag("m"));
        Assert.True(command.HasFlag("uid"));
        Assert.False(command.HasFlag("u"));
        Assert.Equal("123456", command.FlagValue("u", "uid"));
        Assert.Equal("/bin/sh", command.FlagValue("s"));
        Assert.Equal("/usr/bin/pip", ShellScript.Parse("/usr/bin/pip install x").Commands[0].Name.Value);
        Assert.Equal("pip", ShellScript.Parse("/usr/bin/pip install x").Commands[0].Program);
    }
}
