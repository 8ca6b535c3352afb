using System.Text.Json.Nodes;
using Strata.Policy.Policies;
using Strata.Policy.Policies.Builtin;
using Strata.TestKit;

namespace Strata.Policy.Tests.Policies;

/// <summary>The config's User as the engines read it: empty is root, uid 0 is root whatever the group, a name is root when /etc/passwd says uid 0.</summary>
public sealed class NonRootUserPolicyTests
{
    private const string Passwd = "root:x:0:0:root:/root:/bin/bash\nsuperuser:x:0:0::/root:/bin/sh\napp:x:10001:10001::/home/app:/bin/sh\n";

    [Theory]
    [InlineData(null, PolicyStatus.Fail)]
    [InlineData("", PolicyStatus.Fail)]
    [InlineData("root", PolicyStatus.Fail)]
    [InlineData("0", PolicyStatus.Fail)]
    [InlineData("0:0", PolicyStatus.Fail)]
    [InlineData("root:staff", PolicyStatus.Fail)]
    [InlineData("superuser", PolicyStatus.Fail)] // uid 0 in the image's /etc/passwd
    [InlineData("app", PolicyStatus.Pass)] // uid 10001 in /etc/passwd
    [InlineData("65532:65532", PolicyStatus.Pass)]
    [InlineData("1000:0", PolicyStatus.Pass)] // a root group gives no root powers
    [InlineData("nobody-here", PolicyStatus.Pass)] // not in /etc/passwd: not uid 0 by name
    public void The_user_is_judged_as_the_engine_runs_it(string? user, PolicyStatus expected)
    {
        using var work = new TempDirectory();
        var config = new JsonObject();
        if (user is not null)
        {
            config["User"] = user;
        }
        var assessment = HandImage.Assess(work, [new LayerBuilder().File("etc/passwd", Passwd)], config);

        var result = HandImage.Judge(new NonRootUserPolicy(), assessment);

        Assert.Equal(expected, result.Status);
        Assert.NotEmpty(result.Evidence);
    }

    [Fact]
    public void Only_the_passwd_the_final_file_system_shows_counts()
    {
        using var work = new TempDirectory();
        // Layer 0 maps 'app' to 0; layer 1 replaces the file with one that maps it to 10001.
        var assessment = HandImage.Assess(work,
            [new LayerBuilder().File("etc/passwd", "app:x:0:0::/:/bin/sh\n"), new LayerBuilder().File("etc/passwd", "app:x:10001:10001::/:/bin/sh\n")],
            new JsonObject { ["User"] = "app" });

        Assert.Equal(PolicyStatus.Pass, HandImage.Judge(new NonRootUserPolicy(), assessment).Status);
        Assert.Equal(10001, assessment.Users["app"]);
    }
}
