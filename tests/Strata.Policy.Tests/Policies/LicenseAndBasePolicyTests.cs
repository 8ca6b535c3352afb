using System.Text.Json.Nodes;
using Strata.Policy.Policies;
using Strata.Policy.Policies.Builtin;
using Strata.TestKit;

namespace Strata.Policy.Tests.Policies;

/// <summary>denied-licenses on hand-made packages, approved-base-images and base-image-up-to-date on images labelled here.</summary>
public sealed class LicenseAndBasePolicyTests : IDisposable
{
    private const string BaseName = "org.opencontainers.image.base.name";
    private const string BaseDigest = "org.opencontainers.image.base.digest";
    private const string Built = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Theory]
    [InlineData("AGPL-3.0-only", true)]
    [InlineData("agpl-3.0-or-later", true)] // IDs compare without case
    [InlineData("AGPL-3.0", true)] // deprecated: AGPL-3.0-only
    [InlineData("AGPL-3.0+", true)] // deprecated: AGPL-3.0-or-later
    [InlineData("AGPL-3+", true)] // Debian's short name
    [InlineData("MIT OR AGPL-3.0-only", false)] // the user may choose MIT
    [InlineData("MIT AND AGPL-3.0-only", true)] // both apply
    [InlineData("(MIT OR Apache-2.0) AND AGPL-3.0-or-later", true)]
    [InlineData("(AGPL-3.0-only OR AGPL-3.0-or-later)", true)] // every choice is denied
    [InlineData("AGPL-3.0-only WITH Classpath-exception-2.0", true)]
    [InlineData("GPL-3.0-only", false)]
    [InlineData("LGPL-3.0-or-later", false)]
    [InlineData("MIT", false)]
    public void A_package_fails_when_its_licence_expression_obliges_a_denied_licence(string expression, bool denied)
    {
        var assessment = WithPackages(HandImage.Package("thing", "1.0.0", "npm", expression));

        var result = HandImage.Judge(new DeniedLicensesPolicy(DeniedLicensesPolicy.DefaultLicenses, []), assessment);

        Assert.Equal(denied ? PolicyStatus.Fail : PolicyStatus.Pass, result.Status);
        if (denied)
        {
            Assert.Equal([$"pkg:npm/thing@1.0.0: {expression}"], result.Evidence);
        }
    }

    [Fact]
    public void Several_declared_licences_all_apply_and_exempt_package_urls_are_allowed()
    {
        var assessment = WithPackages(
            HandImage.Package("ghostscript", "10.0.0", "deb", "GPL-3.0-only", "AGPL-3.0-or-later"),
            HandImage.Package("mongo-tools", "7.0.2", "golang", "AGPL-3.0-only"),
            HandImage.Package("left-pad", "1.3.0", "npm", "MIT"));

        var all = HandImage.Judge(new DeniedLicensesPolicy(DeniedLicensesPolicy.DefaultLicenses, []), assessment);
        var exempted = HandImage.Judge(new DeniedLicensesPolicy(DeniedLicensesPolicy.DefaultLicenses, ["pkg:golang/mongo-tools"]), assessment);
        var versionPinned = HandImage.Judge(new DeniedLicensesPolicy(DeniedLicensesPolicy.DefaultLicenses, ["pkg:golang/mongo-tools@6.*"]), assessment);

        Assert.Equal(["pkg:deb/ghostscript@10.0.0: GPL-3.0-only AND AGPL-3.0-or-later", "pkg:golang/mongo-tools@7.0.2: AGPL-3.0-only"], all.Evidence);
        Assert.Equal(["pkg:deb/ghostscript@10.0.0: GPL-3.0-only AND AGPL-3.0-or-later"], exempted.Evidence);
        Assert.Equal(2, versionPinned.Evidence.Count);
    }

    [Fact]
    public void A_denied_list_replaces_the_default()
    {
        var assessment = WithPackages(HandImage.Package("x", "1", "npm", "SSPL-1.0"), HandImage.Package("y", "1", "npm", "AGPL-3.0-only"));

        var result = HandImage.Judge(new DeniedLicensesPolicy(["SSPL-1.0"], []), assessment);

        Assert.Equal(["pkg:npm/x@1: SSPL-1.0"], result.Evidence);
    }

    [Theory]
    [InlineData("debian:12", "docker.io/library/*", PolicyStatus.Pass)]
    [InlineData("docker.io/library/python:3.12-slim@sha256:abc", "docker.io/library/*", PolicyStatus.Pass)]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless/*", PolicyStatus.Pass)]
    [InlineData("bitnami/redis:7", "docker.io/library/*", PolicyStatus.Fail)] // docker.io/bitnami/redis
    [InlineData("evil.example/library/debian:12", "docker.io/library/*", PolicyStatus.Fail)]
    [InlineData("debian:12", "debian:12*", PolicyStatus.Pass)] // a short pattern is spelt out as names are
    [InlineData("debian:11", "debian:12*", PolicyStatus.Fail)]
    public void The_labelled_base_must_match_a_pattern(string label, string pattern, PolicyStatus expected)
    {
        var assessment = HandImage.Simple(work, new JsonObject { ["Labels"] = new JsonObject { [BaseName] = label } });

        var result = HandImage.Judge(new ApprovedBaseImagesPolicy([pattern]), assessment);

        Assert.Equal(expected, result.Status);
        Assert.Contains(label, Assert.Single(result.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unnamed_base_fails_saying_it_cannot_be_identified()
    {
        var result = HandImage.Judge(new ApprovedBaseImagesPolicy(["*"]), HandImage.Simple(work));

        Assert.Equal(PolicyStatus.Fail, result.Status);
        Assert.Contains("cannot be identified", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_up_to_date_skips_offline_and_without_labels_and_compares_digests_online()
    {
        var labelled = HandImage.Simple(work, new JsonObject { ["Labels"] = new JsonObject { [BaseName] = "debian:12", [BaseDigest] = Built } });
        var asked = new List<string>();
        PolicyEnvironment Online(params string[] digests) => new()
        {
            ResolveDigests = reference =>
            {
                asked.Add(reference);
                return (digests, null);
            },
        };
        var policy = new BaseImageUpToDatePolicy();

        Assert.Equal(PolicyStatus.Skip, HandImage.Judge(policy, labelled).Status);
        Assert.Equal(PolicyStatus.Skip, HandImage.Judge(policy, HandImage.Simple(work), Online(Built)).Status);
        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(policy, labelled, Online("sha256:index", Built)).Status);
        var moved = HandImage.Judge(policy, labelled, Online("sha256:2222"));
        Assert.Equal(PolicyStatus.Fail, moved.Status);
        Assert.Contains("sha256:2222", moved.Reason, StringComparison.Ordinal);
        Assert.All(asked, a => Assert.Equal("docker.io/library/debian:12", a));
        var unreadable = HandImage.Judge(policy, labelled, new PolicyEnvironment { ResolveDigests = _ => (null, "connection refused") });
        Assert.Equal(PolicyStatus.Skip, unreadable.Status);
        Assert.Contains("connection refused", unreadable.Reason, StringComparison.Ordinal);
    }

    private Assessment.ImageAssessment WithPackages(params Sbom.Model.Package[] packages)
    {
        var assessment = HandImage.Simple(work);
        return assessment with { Sbom = assessment.Sbom with { Packages = packages } };
    }
}
