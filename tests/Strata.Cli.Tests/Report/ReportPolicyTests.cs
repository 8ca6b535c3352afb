using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>With --policy the page has the grade card and each policy's verdict, as <c>strata policy</c> gives them for the same file.</summary>
public sealed class ReportPolicyTests
{
    private const string Policies = """
        policies:
          non-root-user:
          min-efficiency:
            efficiency: 0.9
          max-image-size:
            size: 1GB
        """;

    [Fact(Timeout = 180_000)]
    public async Task The_grade_card_and_verdicts_are_the_policy_commands()
    {
        var token = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("strata-policy.yaml"), Policies, token);
        var html = await ReportBrowser.WriteAsync(folder, ReportBrowser.Wasteful, "--policy", "strata-policy.yaml");
        var policy = await CliRunner.RunAsync(["policy", ReportBrowser.Wasteful, "--policy", "strata-policy.yaml", "-f", "json", "--exit-code", "0"], workingDirectory: folder.Path);
        CliAssert.ExitCode(0, policy);
        using var expected = JsonDocument.Parse(policy.StandardOutputBytes);
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        var grade = expected.RootElement.GetProperty("grade").GetString();
        Assert.Equal(grade, await ReportBrowser.CardValueAsync(page, "policy", token));
        var shown = await page.EvaluateAsync("Object.fromEntries([...document.querySelectorAll('#policy tr[data-policy]')].map(r => [r.dataset.policy, r.dataset.status]))", token);
        var verdicts = expected.RootElement.GetProperty("policies").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal(3, verdicts.Count);
        Assert.Equal(verdicts, shown.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        // wasteful runs as root and dive rates it under 0.9: the grade shows failures.
        Assert.Equal("fail", verdicts["non-root-user"]);
        Assert.Empty(page.Errors);
    }
}
