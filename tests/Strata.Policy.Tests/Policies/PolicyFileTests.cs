using Strata.Images;
using Strata.Policy.Policies;
using Strata.TestKit;

namespace Strata.Policy.Tests.Policies;

/// <summary>strata-policy.yaml: only the listed policies, their parameters applied, and every mistake named by file, line and key.</summary>
public sealed class PolicyFileTests
{
    private const string File = "strata-policy.yaml";

    [Fact]
    public void Only_the_listed_policies_are_enforced_with_their_parameters()
    {
        var set = PolicySet.Parse("""
            version: 1
            policies:
              non-root-user:
              max-image-size:
                size: 10
              no-secrets: {}
            """, File);

        // The catalogue's order, whatever the file's.
        Assert.Equal(["non-root-user", "no-secrets", "max-image-size"], set.Policies.Select(p => p.Name));
        using var work = new TempDirectory();
        // The image's one file is 21 bytes (#!/bin/sh\necho hello\n), over the 10 the file allows.
        var size = HandImage.Judge(set.Policies.Single(p => p.Name == "max-image-size"), HandImage.Simple(work));
        Assert.Equal(PolicyStatus.Fail, size.Status);
    }

    [Fact]
    public void Without_a_file_every_built_in_policy_is_enforced()
    {
        Assert.Equal(
            ["approved-base-images", "base-image-up-to-date", "no-high-profile-vulnerabilities", "no-fixable-vulnerabilities", "no-known-vulnerabilities",
             "non-root-user", "no-secrets", "denied-licenses", "max-image-size", "min-efficiency", "max-dead-bytes"],
            PolicySet.Default.Policies.Select(p => p.Name));
    }

    [Theory]
    [InlineData("policies:\n  no-such-policy: {}\n", "strata-policy.yaml:2: policies.no-such-policy: unknown policy")]
    [InlineData("policies:\n  max-image-size:\n    limit: 5MB\n", "strata-policy.yaml:3: policies.max-image-size.limit: unknown parameter (known: size, compressed)")]
    [InlineData("policies:\n  max-image-size:\n    size: huge\n", "strata-policy.yaml:3: policies.max-image-size.size: 'huge' is not a size")]
    [InlineData("policies:\n  max-image-size:\n    size: [1, 2]\n", "strata-policy.yaml:3: policies.max-image-size.size: must be a size such as 500MB or 1.5GiB, not a list")]
    [InlineData("policies:\n  min-efficiency:\n    efficiency: 1.5\n", "strata-policy.yaml:3: policies.min-efficiency.efficiency: '1.5' is not a ratio from 0 to 1")]
    [InlineData("policies:\n  no-fixable-vulnerabilities:\n    severities: high\n", "strata-policy.yaml:3: policies.no-fixable-vulnerabilities.severities: must be a list")]
    [InlineData("policies:\n  no-fixable-vulnerabilities:\n    severities: [high, urgent]\n", "strata-policy.yaml:3: policies.no-fixable-vulnerabilities.severities: 'urgent' is not one of critical, high, medium, low, unknown")]
    [InlineData("policies:\n  no-fixable-vulnerabilities:\n    min-age-days: -3\n", "strata-policy.yaml:3: policies.no-fixable-vulnerabilities.min-age-days: '-3' is not a whole number")]
    [InlineData("policies:\n  no-known-vulnerabilities:\n    ignore-base: yes please\n", "strata-policy.yaml:3: policies.no-known-vulnerabilities.ignore-base: 'yes please' is not true or false")]
    [InlineData("policies:\n  non-root-user:\n    allow: root\n", "strata-policy.yaml:3: policies.non-root-user.allow: unknown parameter (it takes no parameters)")]
    [InlineData("policies:\n  non-root-user: true\n", "strata-policy.yaml:2: policies.non-root-user: must be a mapping of parameters")]
    [InlineData("policy:\n  non-root-user: {}\n", "strata-policy.yaml:1: policy: unknown key (known: version, policies)")]
    [InlineData("version: 2\npolicies: {}\n", "strata-policy.yaml:1: version: must be 1")]
    [InlineData("policies: [non-root-user]\n", "strata-policy.yaml:1: policies: must be a mapping")]
    [InlineData("version: 1\n", "strata-policy.yaml: no 'policies' mapping")]
    [InlineData("policies:\n  no-secrets: {\n", "strata-policy.yaml:3: invalid YAML")]
    [InlineData("", "strata-policy.yaml: empty")]
    public void A_mistake_is_named_by_file_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<StrataException>(() => PolicySet.Parse(yaml, File));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_named_twice_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<StrataException>(() => PolicySet.Parse("policies:\n  no-secrets: {}\n  no-secrets: {}\n", File));
        Assert.StartsWith("strata-policy.yaml:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        // 200000 nested brackets: building YamlDotNet's node tree recurses once per level.
        var error = Assert.Throws<StrataException>(() => PolicySet.Parse("policies:\n  no-secrets:\n    exempt-paths: " + new string('[', 200_000), File));
        Assert.StartsWith("strata-policy.yaml:3: nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
        var blocks = "policies:\n" + string.Concat(Enumerable.Range(1, 200).Select(i => new string(' ', 2 * i) + "a:\n"));
        Assert.Contains("nested more than 32 levels deep", Assert.Throws<StrataException>(() => PolicySet.Parse(blocks, File)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<StrataException>(() => PolicySet.Load("/nonexistent/strata-policy.yaml", "given.yaml"));
        Assert.Equal("given.yaml: no such policy file", error.Message);
    }
}
