namespace Strata.Cli.Tests.ScanRegistry;

/// <summary>Bad arguments to scan-registry fail at once, before any registry is asked, with exit 2 and the option named.</summary>
public sealed class ScanRegistryArgumentTests
{
    [Theory]
    [InlineData("--shard", "2/2", "--shard: shard 2 of 2 does not exist")]
    [InlineData("--shard", "one/two", "--shard: 'one/two' is not i/n")]
    [InlineData("--shard", "0/0", "--shard: '0/0' splits into 0 shards")]
    [InlineData("--tags", "newest:0", "--tags: '0' in 'newest:0'")]
    [InlineData("--tags", "oldest", "--tags: 'oldest' is not a tag selection")]
    [InlineData("--concurrency", "0", "--concurrency: '0' is not a whole number from 1 to 64")]
    [InlineData("--policy", "no-such-policy.yaml", "--policy: no-such-policy.yaml: no such file")]
    [InlineData("--db", "no-such.sqlite", "--db: no-such.sqlite: no such file")]
    [InlineData("--format", "xml", "--format")]
    public async Task A_bad_option_exits_2_naming_it(string option, string value, string message)
    {
        using var work = new TestKit.TempDirectory();
        var result = await CliRunner.RunAsync(["scan-registry", "127.0.0.1:9", option, value], workingDirectory: work.Path);

        CliAssert.ExitCode(2, result);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a registry", "REGISTRY: 'not a registry' does not start with a registry host")]
    [InlineData("127.0.0.1:5000/Team", "REGISTRY: 'Team' is not a repository prefix")]
    [InlineData("127.0.0.1:5000/team/app:v1", "REGISTRY: 'team/app:v1' is not a repository prefix")]
    public async Task A_bad_registry_exits_2_naming_it(string registry, string message)
    {
        var result = await CliRunner.RunAsync(["scan-registry", registry]);

        CliAssert.ExitCode(2, result);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_is_required()
    {
        var result = await CliRunner.RunAsync(["scan-registry"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("REGISTRY", result.Error, StringComparison.Ordinal);
    }
}
