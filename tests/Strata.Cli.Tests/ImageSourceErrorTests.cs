namespace Strata.Cli.Tests;

/// <summary>Inputs that once leaked an exception type (issue 8): each now names what is wrong, with exit 2.</summary>
public sealed class ImageSourceErrorTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(new[] { "analyze", "foo:bar/baz" }, "image reference 'foo:bar/baz': 'bar' is not a port number in the registry 'foo:bar'")]
    [InlineData(new[] { "sbom", "foo:bar/baz" }, "image reference 'foo:bar/baz': 'bar' is not a port number")]
    [InlineData(new[] { "push", "oci:../x", "foo:bar/baz" }, "image reference 'foo:bar/baz': 'bar' is not a port number")]
    [InlineData(new[] { "analyze", "myapp:latest", "--image-src", "docker,containerd" }, "--image-src: 'containerd' is not a source (docker, podman, remote)")]
    [InlineData(new[] { "analyze", "myapp:latest", "--source", "containerd" }, "--source: 'containerd' is not a source (docker, podman, docker-archive)")]
    [InlineData(new[] { "analyze", "/dev/stdin" }, "standard input: empty")]
    public async Task A_bad_image_or_source_names_it_and_exits_2(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args, new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        CliAssert.ExitCode(2, result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }
}
