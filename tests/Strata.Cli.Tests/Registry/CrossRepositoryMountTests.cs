using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>
/// A local layout pushed to a second repository of the same registry mounts the blobs the registry already holds
/// elsewhere instead of uploading them again; the proxy's log of what the real registry answered is the witness.
/// </summary>
public sealed class CrossRepositoryMountTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task A_layout_pushed_again_elsewhere_mounts_its_blobs_from_the_first_repository()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        using var work = new TempDirectory();
        var source = $"oci:{Fixtures.OciLayout}:wasteful";

        var first = await Push(source, $"docker://{proxy.Host}/mounts/first:v1", work.File("cache"));
        CliAssert.ExitCode(0, first);
        var uploadsBefore = proxy.Requests.Count(IsUploadFinish);
        var second = await Push(source, $"docker://{proxy.Host}/mounts/second:v1", work.File("cache"));

        CliAssert.ExitCode(0, second);
        var mounts = proxy.Requests.Where(r => r.Method == "POST" && r.Target.Contains("from=mounts%2Ffirst", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mounts);
        Assert.All(mounts, r => Assert.Equal(201, r.Status));
        Assert.Equal(uploadsBefore, proxy.Requests.Count(IsUploadFinish));
        var copied = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", $"docker://{registry.Host}/mounts/second:v1");
        Assert.True(copied.Succeeded, copied.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_pulled_layout_pushed_to_another_repository_mounts_from_where_it_was_pulled()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        using var work = new TempDirectory();
        var pulled = await CliRunner.RunAsync(
            ["pull", $"{proxy.Host}/team/multistage:v1", "-o", $"oci:{work.File("layout")}", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(0, pulled);

        var pushed = await Push($"oci:{work.File("layout")}", $"docker://{proxy.Host}/mounts/pulled:v1", work.File("cache"));

        CliAssert.ExitCode(0, pushed);
        Assert.DoesNotContain(proxy.Requests, IsUploadFinish);
        Assert.Contains(proxy.Requests, r => r.Method == "POST" && r.Target.Contains("from=team%2Fmultistage", StringComparison.Ordinal) && r.Status == 201);
    }

    private static bool IsUploadFinish(ProxiedRequest r) =>
        r.Method is "PUT" or "PATCH" && r.Path.Contains("/blobs/uploads/", StringComparison.Ordinal);

    private static Task<CliResult> Push(string source, string destination, string cache) =>
        CliRunner.RunAsync(["push", source, destination, "--cache-dir", cache]);
}
