using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Advise;

/// <summary>Build toolchains found from the image's own dpkg database, their installed files measured, placed at the Dockerfile line.</summary>
public sealed class AdviseToolchainTests
{
    private const string Status = """
        Package: python3
        Status: install ok installed
        Architecture: amd64
        Version: 3.11.2-1+b1

        Package: gcc-12
        Status: install ok installed
        Architecture: amd64
        Version: 12.2.0-14

        Package: libc6-dev
        Status: install ok installed
        Architecture: amd64
        Version: 2.36-9

        """;

    [Fact(Timeout = 180_000)]
    public async Task Gcc_and_headers_installed_by_a_RUN_are_one_finding_at_its_line_with_their_file_bytes()
    {
        using var folder = new TempDirectory();
        var builder = new OciImageBuilder
        {
            EditConfig = config =>
            {
                config["config"] = new JsonObject { ["User"] = "1000" };
                config["history"] = new JsonArray(
                    new JsonObject { ["created_by"] = "ADD rootfs.tar /" },
                    new JsonObject { ["created_by"] = "CMD [\"bash\"]", ["empty_layer"] = true },
                    new JsonObject { ["created_by"] = "RUN /bin/sh -c apt-get install -y gcc-12 libc6-dev # buildkit" },
                    new JsonObject { ["created_by"] = "USER 1000", ["empty_layer"] = true });
            },
        };
        builder.Layer(new LayerBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
            .File("var/lib/dpkg/status", Status[..Status.IndexOf("Package: gcc-12", StringComparison.Ordinal)])
            .File("var/lib/dpkg/info/python3.list", "/usr/bin/python3\n")
            .File("usr/bin/python3", new byte[70_000]));
        builder.Layer(new LayerBuilder()
            .File("var/lib/dpkg/status", Status)
            .File("var/lib/dpkg/info/gcc-12.list", "/usr\n/usr/bin\n/usr/bin/gcc-12\n/usr/lib/gcc/x86_64-linux-gnu/12/cc1\n")
            .File("var/lib/dpkg/info/libc6-dev.list", "/usr/include\n/usr/include/stdio.h\n")
            .File("usr/bin/gcc-12", Enumerable.Repeat((byte)1, 200_000).ToArray())
            .File("usr/lib/gcc/x86_64-linux-gnu/12/cc1", Enumerable.Repeat((byte)2, 300_000).ToArray())
            .File("usr/include/stdio.h", Enumerable.Repeat((byte)3, 5_000).ToArray()));
        builder.WriteOciLayout(folder.File("image"));
        File.WriteAllText(folder.File("Dockerfile"), "FROM debian:12\n# the compiler\nRUN apt-get install -y gcc-12 libc6-dev\nUSER 1000\n");

        var result = await CliRunner.RunAsync(["advise", "oci:" + folder.File("image"), "--dockerfile", folder.File("Dockerfile"), "-f", "json"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var toolchain = json.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "STR3006");
        Assert.Equal(200_000 + 300_000 + 5_000, toolchain.GetProperty("bytes").GetInt64());
        Assert.Equal((1, 3), (toolchain.GetProperty("layerIndex").GetInt32(), toolchain.GetProperty("line").GetInt32()));
        Assert.Contains("gcc-12, libc6-dev", toolchain.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("python3", toolchain.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
