using System.ComponentModel;
using System.Reflection;
using Spectre.Console.Cli;
using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>The help of the application, of every command and of every group renders whole, and its examples run.</summary>
public sealed class HelpTests
{
    /// <summary>Written out by hand, so a command missing from the application fails here; scan's examples need db import's database first.</summary>
    private static readonly string[] AllCommands = ["", "analyze", "explore", "sbom", "inspect", "pull", "push", "cache", "cache ls", "cache du", "cache prune", "db", "db import", "db update", "db status", "scan", "scan-registry", "lint", "advise", "slim", "policy", "compare", "report", "version"];

    public static readonly TheoryData<string> Commands = new(AllCommands);

    private static readonly string[] EnvironmentVariables = ["CI", "DOCKER_HOST", "CONTAINER_HOST", "STRATA_CACHE_DIR", "NO_COLOR", "SOURCE_DATE_EPOCH"];

    private static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_renders_whole_with_the_environment_and_the_exit_codes(string command)
    {
        var result = await CliRunner.RunAsync([.. Words(command), "--help"]);

        CliAssert.ExitCode(0, result);
        Assert.Equal("", result.Error);
        Assert.Contains("USAGE:", result.Out, StringComparison.Ordinal);
        Assert.Contains("ENVIRONMENT:", result.Out, StringComparison.Ordinal);
        foreach (var name in EnvironmentVariables)
        {
            Assert.Matches($@"(?m)^\s+{name}\s+\S", result.Out);
        }
        Assert.Contains("EXIT CODES:", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+1\s+a CI rule failed", result.Out);
        Assert.Matches(@"(?m)^\s+2\s+bad input or usage", result.Out);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("sbom")]
    [InlineData("scan")]
    [InlineData("inspect")]
    [InlineData("pull")]
    public async Task Image_references_with_optional_parts_are_shown_literally(string command)
    {
        var result = await CliRunner.RunAsync([command, "--help"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("oci:DIR[:TAG]", result.Out, StringComparison.Ordinal);
        Assert.Contains("docker-archive:PATH[:NAME:TAG]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_shows_defaults()
    {
        var result = await CliRunner.RunAsync(["analyze", "--help"]);

        Assert.Matches(@"(?m)^\s+--top <N>\s+10\s+How many files", result.Out);
        Assert.Matches(@"(?m)^\s+-f, --format <FORMAT>\s+table\s+table", result.Out);
    }

    [Fact]
    public void Every_option_of_every_command_has_a_description()
    {
        var settings = typeof(StrataApp).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CommandSettings))).ToList();
        Assert.NotEmpty(settings);
        foreach (var property in settings.SelectMany(t => t.GetProperties()))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is null && property.GetCustomAttribute<CommandArgumentAttribute>() is null)
            {
                continue;
            }
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            Assert.False(string.IsNullOrWhiteSpace(description), $"{property.DeclaringType!.Name}.{property.Name} has no description");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("cache")]
    [InlineData("db")]
    public async Task A_group_without_its_subcommand_prints_its_help_and_exits_2(string group)
    {
        var result = await CliRunner.RunAsync(Words(group));

        CliAssert.ExitCode(2, result);
        Assert.Contains("COMMANDS:", result.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every example of every help page, run as pasted from the repository's root (here a copy of the shipped image
    /// under examples/, in a scratch folder, with the shared advisories at ../shared beside it). push needs a registry
    /// at localhost:5000, and db update OSV's bucket: without them they must still get past parsing, to the network.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task Every_example_in_the_help_runs_as_pasted()
    {
        using var scratch = new TempDirectory();
        var root = scratch.File("strata");
        CopyFolder(Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini"), Path.Combine(root, "examples", "wasteful-mini"));
        CopyFolder(Path.Combine(Fixtures.Shared, "advisories"), scratch.File(Path.Combine("shared", "fixtures", "advisories")));
        CopyFolder(Path.Combine(Fixtures.Shared, "dockerfiles"), scratch.File(Path.Combine("shared", "fixtures", "dockerfiles")));
        // The shared images are only read: linked, not copied (hundreds of megabytes).
        Directory.CreateSymbolicLink(scratch.File(Path.Combine("shared", "fixtures", "images")), Path.Combine(Fixtures.Shared, "images"));
        var environment = new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = Path.Combine(root, "cache") };
        var examples = new List<string[]>();
        foreach (var command in AllCommands)
        {
            var help = await CliRunner.RunAsync([.. Words(command), "--help"]);
            examples.AddRange(Examples(help.Out));
        }
        examples = examples.DistinctBy(e => string.Join(' ', e)).ToList();
        Assert.True(examples.Count >= 10, $"only {examples.Count} examples");
        Assert.All(examples, e => Assert.Equal("strata", e[0]));

        foreach (var example in examples.Where(e => !NeedsNetwork(e) && !NeedsTerminal(e)))
        {
            var result = await CliRunner.RunAsync(example[1..], environment, root);
            // lint exits 1 when it finds something, as hadolint does, and policy when a policy fails: their examples show findings.
            var success = example[1] is "lint" or "policy" ? result.ExitCode is 0 or 1 && result.Error.Length == 0 : result.ExitCode == 0;
            Assert.True(success, $"'{string.Join(' ', example)}' exited {result.ExitCode}:\n{result.Error}");
        }
        foreach (var example in examples.Where(NeedsNetwork))
        {
            var result = await CliRunner.RunAsync(example[1..], environment, root);
            Assert.DoesNotContain("--help'", result.Error, StringComparison.Ordinal);
            Assert.True(result.ExitCode == 0 || result.Error.Contains("localhost:5000", StringComparison.Ordinal)
                || result.Error.Contains("osv-vulnerabilities.storage.googleapis.com", StringComparison.Ordinal), result.Error);
        }
        // explore is interactive: here, without a terminal, it must get past parsing to its refusal.
        foreach (var example in examples.Where(NeedsTerminal))
        {
            var result = await CliRunner.RunAsync(example[1..], environment, root);
            Assert.DoesNotContain("--help'", result.Error, StringComparison.Ordinal);
            Assert.Contains("explore is interactive and needs a terminal", result.Error, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(root, "report.json")));
        Assert.True(File.Exists(Path.Combine(root, "sbom.json")));
        Assert.True(File.Exists(Path.Combine(root, "wasteful.tar")));
        Assert.True(File.Exists(Path.Combine(root, "slim-wasteful", "index.json")));
        Assert.True(File.Exists(Path.Combine(root, "wasteful-slim.tar")));
        Assert.True(File.Exists(Path.Combine(root, "slim.json")));
        Assert.True(File.Exists(Path.Combine(root, "db-status.json")));
        Assert.True(File.Exists(Path.Combine(root, "lint.sarif")));
        Assert.True(File.Exists(Path.Combine(root, "compare.json")));
        Assert.True(File.Exists(Path.Combine(root, "policy.json")));
        Assert.True(File.Exists(Path.Combine(root, "policy.sarif")));
        Assert.True(File.Exists(Path.Combine(root, "report.html")));
        Assert.True(File.Exists(Path.Combine(root, "wasteful.html")));
    }

    private static bool NeedsNetwork(string[] example) => example[1] is "push" or "scan-registry" || example[1..] is ["db", "update", ..];

    private static bool NeedsTerminal(string[] example) => example[1] == "explore" || example[1].StartsWith("oci:", StringComparison.Ordinal);

    private static IEnumerable<string[]> Examples(string help)
    {
        var lines = help.Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.IndexOf("EXAMPLES:");
        if (start < 0)
        {
            yield break;
        }
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Length > 0))
        {
            yield return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
