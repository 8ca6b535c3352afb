using System.Text;
using System.Text.Json.Nodes;
using Strata.Analysis.Advising;
using Strata.Analysis.Advising.Safety;
using Strata.Dockerfile.Advice;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Advising;

/// <summary>Safety findings on hand-built images: secrets are reported by path and layer, never printed.</summary>
public sealed class SafetyAdviceTests
{
    // Made-up values in the real formats (an AWS key ID is AKIA and 16 capitals or digits).
    private const string AwsKeyId = "AKIAQWERTYUIOPASDFGH";
    private const string AwsSecret = "wJalrXUtnFEMIK7MDENGbPxRfiCYzzzzSECRET";
    private const string GitHubToken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    private const string KeyBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
    private const string DbPassword = "hunter2-very-secret";

    private static string AllText(ImageAdvice advice) =>
        string.Join("\n", advice.Findings.SelectMany(f => new[] { f.Title, f.Message, f.Fix ?? "" }.Concat(f.Paths)));

    [Fact]
    public void Keys_env_files_and_cloud_credentials_are_found_by_path_and_layer_without_their_values()
    {
        var advice = Advisor.Advise([
            new LayerBuilder()
                .File("root/.ssh/id_ed25519", $"-----BEGIN OPENSSH PRIVATE KEY-----\n{KeyBody}\n-----END OPENSSH PRIVATE KEY-----\n")
                .File("srv/app/.env", $"# settings\nDB_HOST=db\nexport DB_PASSWORD={DbPassword}\n")
                .File("srv/app/.env.example", "DB_PASSWORD=changeme\n"),
            new LayerBuilder()
                .File("root/.aws/credentials", $"[default]\naws_access_key_id = {AwsKeyId}\naws_secret_access_key = {AwsSecret}\n")
                .File("srv/app/config.yml", $"github:\n  token: {GitHubToken}\n")
                .File("usr/share/doc/openssl/README", "A key file starts with -----BEGIN RSA PRIVATE KEY----- and ends ...\n"),
        ]);

        var key = advice.Single(AdviceIds.PrivateKeyFile);
        Assert.Equal((0, "/root/.ssh/id_ed25519"), (key.LayerIndex, key.Paths.Single()));
        Assert.Contains("OPENSSH PRIVATE KEY", key.Message, StringComparison.Ordinal);
        var credentials = advice.Findings.Where(f => f.Id == AdviceIds.CredentialsFile).OrderBy(f => f.LayerIndex).ToList();
        Assert.Equal(["0 /srv/app/.env", "1 /root/.aws/credentials"], credentials.Select(f => $"{f.LayerIndex} {f.Paths.Single()}"));
        Assert.Contains("DB_PASSWORD", credentials[0].Message, StringComparison.Ordinal);
        var token = advice.Single(AdviceIds.TokenInFile);
        Assert.Equal((1, "/srv/app/config.yml"), (token.LayerIndex, token.Paths.Single()));
        Assert.All(advice.Findings.Where(f => f.Id is AdviceIds.PrivateKeyFile or AdviceIds.CredentialsFile or AdviceIds.TokenInFile),
            f => Assert.Equal(AdviceSeverity.Error, f.Severity));
        var text = AllText(advice);
        foreach (var secret in new[] { KeyBody, DbPassword, AwsKeyId, AwsSecret, GitHubToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_secret_deleted_by_a_later_layer_is_still_reported_in_the_layer_that_stored_it()
    {
        var advice = Advisor.Advise([
            new LayerBuilder().File("build/.git-credentials", "https://builder:glpat-abcdefabcdef@git.example.com\n"),
            new LayerBuilder().Whiteout("build/.git-credentials"),
        ]);

        var credentials = advice.Single(AdviceIds.CredentialsFile);
        Assert.Equal(0, credentials.LayerIndex);
        Assert.Contains("layer 1 hides it", credentials.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("glpat-abcdefabcdef", AllText(advice), StringComparison.Ordinal);
    }

    [Fact]
    public void A_big_file_is_never_opened_for_reading_even_when_it_starts_like_a_key()
    {
        var head = Encoding.ASCII.GetBytes("-----BEGIN RSA PRIVATE KEY-----\n");
        var big = new byte[200_000];
        head.CopyTo(big, 0);
        var captor = new SecretFileCaptor();

        // The reader hands a captor the first 64 KiB; a captor that returns no sink is never given the rest.
        var sink = captor.Open(0, "opt/blob.bin", big.Length, 0x1A4, big.AsSpan(0, 64 * 1024));

        Assert.Null(sink);
        Assert.Empty(captor.Hits);
        var advice = Advisor.Advise([new LayerBuilder().File("opt/blob.bin", big).File("opt/.env", Advisor.Filled(100_000, (byte)'A'))]);
        Assert.DoesNotContain(advice.Findings, f => f.Id is AdviceIds.PrivateKeyFile or AdviceIds.CredentialsFile or AdviceIds.TokenInFile);
    }

    [Fact]
    public void A_small_key_file_gets_no_sink_either_as_its_head_is_the_whole_file()
    {
        var key = Encoding.ASCII.GetBytes($"-----BEGIN EC PRIVATE KEY-----\n{KeyBody}\n-----END EC PRIVATE KEY-----\n");
        var captor = new SecretFileCaptor();

        Assert.Null(captor.Open(3, "etc/ssl/private/server.key", key.Length, 0x180, key));

        var hit = Assert.Single(captor.Hits);
        Assert.Equal((3, "/etc/ssl/private/server.key", SecretFileKind.PrivateKey), (hit.Layer, hit.Path, hit.Kind));
    }

    [Fact]
    public void Setuid_and_setgid_files_are_listed_by_layer()
    {
        var advice = Advisor.Advise([
            new LayerBuilder()
                .File("usr/bin/su", "su", (UnixFileMode)0x9ED)
                .File("usr/bin/wall", "wall", (UnixFileMode)0x5ED)
                .File("usr/bin/ls", "ls", (UnixFileMode)0x1ED),
        ]);

        var setuid = advice.Single(AdviceIds.SetuidFile);
        Assert.Equal(["/usr/bin/su", "/usr/bin/wall"], setuid.Paths);
        Assert.Equal(0, setuid.LayerIndex);
    }

    [Fact]
    public void Secrets_in_the_environment_are_named_and_redacted_and_look_alikes_are_not()
    {
        var advice = Advisor.Advise([new LayerBuilder().File("etc/hostname", "x")], config =>
        {
            config["config"] = new JsonObject
            {
                ["User"] = "app",
                ["Env"] = new JsonArray("PATH=/usr/bin", $"DEPLOY={GitHubToken}", "API_TOKEN=abc123secret", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D",
                    "PASSWORD_FILE=/run/secrets/db", "SECRET_KEY="),
            };
        });

        Assert.Equal(["API_TOKEN", "DEPLOY"], advice.Findings.Where(f => f.Id == AdviceIds.SecretInEnvironment).Select(f => f.Title.Split(": ")[1]).Order());
        Assert.DoesNotContain(GitHubToken, AllText(advice), StringComparison.Ordinal);
        Assert.DoesNotContain("abc123secret", AllText(advice), StringComparison.Ordinal);
        Assert.DoesNotContain(advice.Findings, f => f.Id == AdviceIds.RootUser);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("0", true)]
    [InlineData("root:root", true)]
    [InlineData("0:1000", true)]
    [InlineData("65532:65532", false)]
    [InlineData("app", false)]
    public void Root_is_an_empty_user_uid_0_or_root(string? user, bool root)
    {
        var advice = Advisor.Advise([new LayerBuilder().File("etc/hostname", "x")], config =>
        {
            config["config"] = user is null ? new JsonObject() : new JsonObject { ["User"] = user };
        });

        Assert.Equal(root, advice.Findings.Any(f => f.Id == AdviceIds.RootUser && f.Hadolint == "DL3002"));
    }
}
