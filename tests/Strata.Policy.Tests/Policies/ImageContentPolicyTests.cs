using System.Text.Json.Nodes;
using Strata.Policy.Policies;
using Strata.Policy.Policies.Builtin;
using Strata.TestKit;

namespace Strata.Policy.Tests.Policies;

/// <summary>no-secrets, max-image-size, min-efficiency and max-dead-bytes on images built here, sizes counted from the files put in them.</summary>
public sealed class ImageContentPolicyTests
{
    private const string PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n";

    [Fact]
    public void A_private_key_even_deleted_later_and_a_token_in_the_environment_fail_no_secrets()
    {
        using var work = new TempDirectory();
        var assessment = HandImage.Assess(work,
            [new LayerBuilder().File("root/.ssh/id_ed25519", PrivateKey), new LayerBuilder().Whiteout("root/.ssh/id_ed25519")],
            new JsonObject { ["Env"] = new JsonArray("PATH=/usr/bin", "DB_PASSWORD=hunter2") });

        var result = HandImage.Judge(new NoSecretsPolicy([]), assessment);

        Assert.Equal(PolicyStatus.Fail, result.Status);
        Assert.Equal(2, result.Evidence.Count);
        Assert.Contains(result.Evidence, e => e.Contains("/root/.ssh/id_ed25519", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Contains("DB_PASSWORD", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exempt_path_is_left_out_but_the_rest_still_counts()
    {
        using var work = new TempDirectory();
        var assessment = HandImage.Assess(work,
            [new LayerBuilder().File("app/test/fixtures/key.pem", PrivateKey).File("home/app/.ssh/id_rsa", PrivateKey)]);

        var exempt = HandImage.Judge(new NoSecretsPolicy(["/app/test/*"]), assessment);
        var all = HandImage.Judge(new NoSecretsPolicy(["/app/test/*", "/home/*"]), assessment);

        Assert.Equal(PolicyStatus.Fail, exempt.Status);
        Assert.Contains("/home/app/.ssh/id_rsa", Assert.Single(exempt.Evidence), StringComparison.Ordinal);
        Assert.Equal(PolicyStatus.Pass, all.Status);
    }

    [Fact]
    public void An_image_without_secrets_passes()
    {
        using var work = new TempDirectory();
        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new NoSecretsPolicy([]), HandImage.Simple(work)).Status);
    }

    [Fact]
    public void The_uncompressed_size_is_the_layers_tar_size()
    {
        using var work = new TempDirectory();
        var layer = new LayerBuilder().File("data.bin", new byte[100_000]);
        var tarSize = layer.ToTar().LongLength;
        var assessment = HandImage.Assess(work, [layer]);

        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new MaxImageSizePolicy(tarSize, compressed: false), assessment).Status);
        var over = HandImage.Judge(new MaxImageSizePolicy(tarSize - 1, compressed: false), assessment);
        Assert.Equal(PolicyStatus.Fail, over.Status);
        Assert.Contains($"{tarSize:N0} bytes", over.Reason, StringComparison.Ordinal);
        // 100 kB of zeros gzip to a few hundred bytes: far under the tar's size.
        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new MaxImageSizePolicy(tarSize / 10, compressed: true), assessment).Status);
    }

    [Fact]
    public void Dead_bytes_are_the_bytes_of_files_later_layers_hide()
    {
        using var work = new TempDirectory();
        // 30000 bytes stored, then deleted; 5000 replaced by a new 5000-byte copy: 35000 dead bytes.
        var assessment = HandImage.Assess(work,
        [
            new LayerBuilder().File("tmp/big.bin", new byte[30_000]).File("etc/app.conf", new byte[5_000]),
            new LayerBuilder().Whiteout("tmp/big.bin").File("etc/app.conf", Enumerable.Repeat((byte)1, 5_000).ToArray()),
        ]);

        var within = HandImage.Judge(new MaxDeadBytesPolicy(35_000), assessment);
        var over = HandImage.Judge(new MaxDeadBytesPolicy(34_999), assessment);

        Assert.Equal(PolicyStatus.Pass, within.Status);
        Assert.Equal(PolicyStatus.Fail, over.Status);
        Assert.Contains("/tmp/big.bin: 30,000 bytes (layer 0, hidden by layer 1)", over.Evidence);
        Assert.Contains("/etc/app.conf: 5,000 bytes (layer 0, hidden by layer 1)", over.Evidence);
    }

    [Fact]
    public void Efficiency_is_dives_score()
    {
        using var work = new TempDirectory();
        // dive (filetree/efficiency.go): the sum over paths of each path's smallest size, over the sum of every size
        // seen. One 10000-byte file written twice: 10000 / 20000 = 0.5.
        var rewritten = HandImage.Assess(work,
            [new LayerBuilder().File("data.bin", new byte[10_000]), new LayerBuilder().File("data.bin", Enumerable.Repeat((byte)7, 10_000).ToArray())]);

        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new MinEfficiencyPolicy(0.5), rewritten).Status);
        var below = HandImage.Judge(new MinEfficiencyPolicy(0.51), rewritten);
        Assert.Equal(PolicyStatus.Fail, below.Status);
        Assert.Contains("efficiency: 0.5", below.Evidence);
        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new MinEfficiencyPolicy(1), HandImage.Simple(work)).Status);
    }
}
