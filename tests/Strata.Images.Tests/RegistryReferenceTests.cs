using Strata.Images.Registry;

namespace Strata.Images.Tests;

public sealed class RegistryReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", "registry-1.docker.io")]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27", "registry-1.docker.io")]
    [InlineData("docker://nginx", "docker.io", "library/nginx", "latest", "registry-1.docker.io")]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", "registry-1.docker.io")]
    [InlineData("index.docker.io/library/alpine", "docker.io", "library/alpine", "latest", "registry-1.docker.io")]
    [InlineData("localhost:5000/team/app:v1", "localhost:5000", "team/app", "v1", "localhost:5000")]
    [InlineData("localhost/app", "localhost", "app", "latest", "localhost")]
    [InlineData("ghcr.io/org/app", "ghcr.io", "org/app", "latest", "ghcr.io")]
    [InlineData("127.0.0.1:5999/a/b/c:tag_1.0-x", "127.0.0.1:5999", "a/b/c", "tag_1.0-x", "127.0.0.1:5999")]
    public void References_are_normalised_as_docker_does(string text, string registry, string repository, string tag, string apiHost)
    {
        var reference = RegistryReference.Parse(text);

        Assert.Equal((registry, repository, tag, apiHost), (reference.Registry, reference.Repository, reference.Tag, reference.ApiHost));
    }

    [Fact]
    public void A_digest_pins_the_manifest_and_leaves_no_default_tag()
    {
        var digest = "sha256:" + new string('a', 64);

        var reference = RegistryReference.Parse($"ghcr.io/org/app@{digest}");

        Assert.Null(reference.Tag);
        Assert.Equal(digest, reference.ManifestReference);
        Assert.Equal($"ghcr.io/org/app@{digest}", reference.ToString());
    }

    [Theory]
    [InlineData("Team/App")]
    [InlineData("app:bad tag")]
    [InlineData("app@sha256:short")]
    public void Malformed_references_are_refused_by_name(string text)
    {
        var error = Assert.Throws<StrataException>(() => RegistryReference.Parse(text));
        Assert.Contains(text.Split('@')[0].Split(':')[0], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("127.3.4.5", true)]
    [InlineData("registry.example:5000", false)]
    [InlineData("10.0.0.1:5000", false)]
    public void Plain_http_only_for_loopback_unless_named_insecure(string host, bool plain)
    {
        Assert.Equal(plain ? "http" : "https", RegistryHosts.BaseUri(host, new HashSet<string>()).Scheme);
        Assert.Equal("http", RegistryHosts.BaseUri(host, new HashSet<string> { host }).Scheme);
    }

    [Fact]
    public void Challenges_parse_with_quoted_parameters()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal(("https://auth.example/token", "registry.example", "repository:a/b:pull,push"), (challenge.Realm, challenge.Service, challenge.Scope));
        Assert.True(AuthChallenge.Parse("Basic realm=\"x\"")!.IsBasic);
    }
}
