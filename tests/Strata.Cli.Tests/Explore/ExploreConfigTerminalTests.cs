using Strata.TestKit;

namespace Strata.Cli.Tests.Explore;

/// <summary>The real program reads $XDG_CONFIG_HOME/strata/config.yaml: its keys act, and a bad file stops it with exit 2.</summary>
public sealed class ExploreConfigTerminalTests
{
    private static string Command => $"dotnet {Path.Combine(AppContext.BaseDirectory, "strata.dll")} explore oci:../shared/fixtures/images/oci:wasteful";

    private static TempDirectory ConfigHome(string yaml)
    {
        var home = new TempDirectory();
        Directory.CreateDirectory(home.File("strata"));
        File.WriteAllText(home.File(Path.Combine("strata", "config.yaml")), yaml);
        return home;
    }

    [Fact(Timeout = 300_000)]
    public async Task A_quit_key_from_the_config_file_replaces_q()
    {
        using var home = ConfigHome("explore:\n  keys:\n    quit: x\n");
        await using var terminal = await TmuxSession.StartAsync(Command, Fixtures.RepositoryRoot,
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path, ["STRATA_CACHE_DIR"] = home.File("cache"), ["CI"] = "false" });
        await terminal.WaitForAsync("Efficiency:", timeoutSeconds: 120);
        await terminal.WaitForAsync(s => !s.Contains("reading the", StringComparison.Ordinal), "the tree");

        await terminal.SendAsync("q");
        // q is no longer quit: the key after it still moves to layer 1, and the status bar names the configured key.
        await terminal.SendAsync("j");
        var screen = await terminal.WaitForAsync("File tree: layer 1's changes");
        Assert.DoesNotMatch(TmuxSession.ExitLine(), screen);
        Assert.Contains("x quit", screen, StringComparison.Ordinal);

        await terminal.SendAsync("x");
        screen = await terminal.WaitForAsync(s => TmuxSession.ExitLine().IsMatch(s), "the program to exit");
        Assert.Equal("0", TmuxSession.ExitLine().Match(screen).Groups[1].Value);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_bad_config_file_stops_it_with_exit_2_naming_the_file_and_the_key()
    {
        using var home = ConfigHome("explore:\n  colors:\n    added: not-a-colour\n");
        await using var terminal = await TmuxSession.StartAsync(Command, Fixtures.RepositoryRoot,
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path, ["STRATA_CACHE_DIR"] = home.File("cache"), ["CI"] = "false" });

        var screen = await terminal.WaitForAsync(s => TmuxSession.ExitLine().IsMatch(s), "the program to exit", timeoutSeconds: 120);

        Assert.Equal("2", TmuxSession.ExitLine().Match(screen).Groups[1].Value);
        var flat = screen.Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains($"strata: error: {home.Path}/strata/config.yaml: explore.colors.added: 'not-a-colour' is not a colour", flat, StringComparison.Ordinal);
    }
}
