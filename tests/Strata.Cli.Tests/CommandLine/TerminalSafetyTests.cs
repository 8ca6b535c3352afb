using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Cli.Rendering;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>
/// Strings from an image reach the terminal with their control characters shown escaped, in reports, tables,
/// warnings and errors; JSON keeps them exact.
/// </summary>
public sealed class TerminalSafetyTests
{
    /// <summary>Retitles the window, then starts a line that looks like Strata's own error.</summary>
    private const string Hostile = "evil\u001b]0;pwned\u0007\nstrata: error: forged";

    private const string HostileShown = @"evil\x1b]0;pwned\x07\nstrata: error: forged";

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[2J", @"\x1b[2J")]
    [InlineData("a\r\n\tb", @"a\r\n\tb")]
    [InlineData("\u007f\u009b", @"\x7f\x9b")]
    [InlineData("abc\u202Etxt.exe", @"abc\u202etxt.exe")]
    [InlineData(@"back\slash", @"back\slash")]
    [InlineData("naïve café", "naïve café")]
    public void Control_characters_are_shown_escaped(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Safe(text));

    private static string HostileImage(TempDirectory temp) =>
        new OciImageBuilder
        {
            EditConfig = config => config["config"] = new JsonObject
            {
                ["Labels"] = new JsonObject { ["title"] = "\u001b[2Jcleared" },
                ["Env"] = new JsonArray("PATH=/bin\u001b[31m"),
            },
        }
            .Layer(new LayerBuilder { Format = TarEntryFormat.Ustar }.Directory("app").File("app/" + Hostile, "first copy\n"), "RUN echo \u001b[2J")
            .Layer(new LayerBuilder { Format = TarEntryFormat.Ustar }.Directory("app").File("app/" + Hostile, "second copy\n"), "RUN overwrite")
            .WriteOciLayout(temp.Path);

    [Fact]
    public async Task The_report_escapes_names_and_commands()
    {
        using var temp = new TempDirectory();
        var image = HostileImage(temp);

        var result = await CliRunner.RunAsync(["analyze", image]);

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.DoesNotContain('\u0007', result.Out);
        Assert.Contains("/app/" + HostileShown, result.Out, StringComparison.Ordinal);
        Assert.Contains(@"RUN echo \x1b[2J", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Out.Split('\n'), l => l.TrimStart('│', ' ').StartsWith("strata: error: forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_keeps_the_exact_name()
    {
        using var temp = new TempDirectory();
        var image = HostileImage(temp);

        var result = await CliRunner.RunAsync(["analyze", image, "--format", "json"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var paths = json.RootElement.GetProperty("layer")[1].GetProperty("fileList").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.Contains("app/" + Hostile, paths);
    }

    [Fact]
    public async Task Inspect_escapes_config_strings()
    {
        using var temp = new TempDirectory();
        var image = HostileImage(temp);

        var table = await CliRunner.RunAsync(["inspect", image]);
        var json = await CliRunner.RunAsync(["inspect", image, "--json"]);

        CliAssert.ExitCode(0, table);
        Assert.DoesNotContain('\u001b', table.Out);
        Assert.Contains(@"title=\x1b[2Jcleared", table.Out, StringComparison.Ordinal);
        Assert.Contains(@"PATH=/bin\x1b[31m", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.StandardOutputBytes);
        Assert.Equal("\u001b[2Jcleared", document.RootElement.GetProperty("config").GetProperty("labels").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_error_quoting_a_name_with_a_newline_stays_one_line()
    {
        using var temp = new TempDirectory();
        var image = new OciImageBuilder()
            .Layer(new LayerBuilder { Format = TarEntryFormat.Ustar }.File("../" + Hostile, "climbs out\n"), "RUN x")
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", image]);

        CliAssert.ExitCode(2, result);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("strata: error:", StringComparison.Ordinal));
        Assert.StartsWith("strata: error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(HostileShown, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
    }

    [Fact]
    public async Task A_warning_quoting_a_name_is_escaped()
    {
        using var temp = new TempDirectory();
        var image = new OciImageBuilder()
            .Layer(new LayerBuilder { Format = TarEntryFormat.Ustar }.Directory("/abs").File("/abs/\u001b[31mred", "x\n"), "RUN x")
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", image]);

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.Contains(result.Error.Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal) && l.Contains(@"\x1b[31mred", StringComparison.Ordinal));
    }
}
