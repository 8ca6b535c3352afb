using System.Text;
using Strata.Images.Model;

namespace Strata.Images.Tests;

/// <summary>The one digest parser: the two algorithms the OCI image spec registers, nothing else, and never a path.</summary>
public sealed class DigestTests
{
    // FIPS 180-2's published test vectors for the message "abc".
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string AbcSha512 =
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    [Theory]
    [InlineData("sha256:" + AbcSha256)]
    [InlineData("sha512:" + AbcSha512)]
    public void Sha256_and_sha512_parse_and_verify_the_content_they_name(string text)
    {
        var digest = Digest.Parse(text, "test");

        Assert.Equal(text, digest.ToString());
        Assert.True(digest.Matches(Encoding.ASCII.GetBytes("abc")));
        Assert.False(digest.Matches(Encoding.ASCII.GetBytes("abd")));
        Assert.Equal($"blobs/{text.Replace(':', '/')}", digest.LayoutPath);
    }

    [Theory]
    [InlineData("/abs/path:name", "only sha256 and sha512")]
    [InlineData("md5:900150983cd24fb0d6963f7d28e17f72", "only sha256 and sha512")]
    [InlineData("sha384:cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", "only sha256 and sha512")]
    [InlineData("SHA256:" + AbcSha256, "only sha256 and sha512")]
    [InlineData("sha256:../../x", "64 lowercase hex")]
    [InlineData("sha256:" + AbcSha512, "64 lowercase hex")]
    [InlineData("sha512:" + AbcSha256, "128 lowercase hex")]
    [InlineData("sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "64 lowercase hex")]
    [InlineData("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a/", "64 lowercase hex")]
    [InlineData("sha256:ba7816bf-8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", "64 lowercase hex")]
    [InlineData("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564", "only sha256 and sha512")]
    [InlineData(AbcSha256, "ALGORITHM:HEX")]
    [InlineData("", "empty")]
    public void Everything_else_is_refused_naming_where_it_was_found(string text, string problem)
    {
        Assert.False(Digest.TryParse(text, out _));
        var refused = Assert.Throws<StrataException>(() => Digest.Parse(text, "manifest sha256:1234: layers[0]: field 'digest'"));

        Assert.StartsWith("manifest sha256:1234: layers[0]: field 'digest': ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid digest", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_digest_is_shown_on_one_line_with_its_control_characters_escaped()
    {
        var refused = Assert.Throws<StrataException>(() => Digest.Parse("sha256:\u001b[2J\nstrata: error: forged", "config"));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\u001b', refused.Message);
        Assert.Contains("\\x1b[2J\\x0astrata", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_digests_follow_the_algorithm_asked_for()
    {
        var abc = Encoding.ASCII.GetBytes("abc");

        Assert.Equal("sha256:" + AbcSha256, Digest.Compute(Digest.Sha256, abc).ToString());
        Assert.Equal("sha512:" + AbcSha512, Digest.Compute(Digest.Sha512, abc).ToString());
        using var hash = Digest.CreateHash(Digest.Sha512);
        hash.AppendData(abc);
        Assert.Equal("sha512:" + AbcSha512, Digest.FromHash(Digest.Sha512, hash).ToString());
    }
}
