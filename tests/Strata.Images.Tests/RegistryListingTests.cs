using Strata.Images.Registry;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>
/// Repositories and tags listed from the real registry, page by page through its Link headers (two names a page, so
/// every listing here takes several pages), behind no auth, Basic auth and a token server (the catalog's own scope).
/// </summary>
public sealed class RegistryListingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory(Timeout = 180_000)]
    [InlineData(RegistryAuth.Open)]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    public async Task Every_repository_and_every_tag_is_listed_across_pages(RegistryAuth auth)
    {
        using var registry = await RegistryServer.StartAsync(auth, Cancellation);
        string[] repositories = ["alpha/one", "alpha/two", "beta/three", "gamma", "zeta/deep/four"];
        string[] tags = ["1.0", "1.1", "2.0", "latest", "v3"];
        foreach (var repository in repositories)
        {
            await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), $"{repository}:latest", Cancellation);
        }
        foreach (var tag in tags.Where(t => t != "latest"))
        {
            await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), $"alpha/one:{tag}", Cancellation);
        }
        var credentials = registry.Username is null
            ? (ICredentialProvider)new NoCredentials()
            : new FixedCredentials(new RegistryCredentials(registry.Username, registry.Password!));
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials });

        var listed = await client.ListRepositoriesAsync(registry.Host, Cancellation, pageSize: 2);
        var listedTags = await client.ListTagsAsync(new RegistryReference(registry.Host, "alpha/one", null, null), Cancellation, pageSize: 2);

        Assert.Equal(repositories, listed.Order(StringComparer.Ordinal));
        Assert.Equal(tags, listedTags.Order(StringComparer.Ordinal));
        Assert.Equal(["latest"], await client.ListTagsAsync(new RegistryReference(registry.Host, "gamma", null, null), Cancellation, pageSize: 2));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_repository_that_does_not_exist_is_an_error_naming_it()
    {
        using var registry = await RegistryServer.StartAsync(RegistryAuth.Open, Cancellation);
        using var client = new RegistryClient(new RegistryClientOptions());

        var error = await Assert.ThrowsAsync<StrataException>(() => client.ListTagsAsync(new RegistryReference(registry.Host, "no/such", null, null), Cancellation));

        Assert.Contains("no/such: tags", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
