using System.Reflection;
using Spectre.Console.Cli;
using Strata.Cli.Commands;

namespace Strata.Cli.Tests.Compare;

public sealed class CompareSettingsTests
{
    [Fact]
    public async Task The_help_names_both_images_and_what_got_worse_means_for_each_kind()
    {
        var result = await CliRunner.RunAsync(["compare", "--help"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("compare <IMAGE> <IMAGE2>", result.Out, StringComparison.Ordinal);
        var help = string.Join(' ', result.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("size (the compressed or uncompressed size grew)", help, StringComparison.Ordinal);
        Assert.Contains("package (a package was added or downgraded)", help, StringComparison.Ordinal);
        Assert.Contains("vulnerability (one was introduced; needs a database)", help, StringComparison.Ordinal);
        Assert.Contains("policy (a policy now fails, or the grade dropped)", help, StringComparison.Ordinal);
    }

    /// <summary>IMAGE2 is read with the same options as IMAGE: an option added to every image command must reach it too.</summary>
    [Fact]
    public void The_second_image_gets_every_option_the_first_has()
    {
        var settings = new CompareSettings
        {
            Image = "first",
            Image2 = "second",
            Quiet = true,
            Platform = "linux/arm64",
            Username = "user",
            PasswordStdin = true,
            InsecureRegistries = ["registry.test"],
            CacheDir = "cache",
            ImageSources = "remote",
            Source = "docker",
            Timeout = "5s",
            MaxLayerSize = "1GiB",
        };

        var second = settings.SecondImage();

        Assert.Equal("second", second.Image);
        var options = typeof(ImageSettings).GetProperties()
            .Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is not null)
            .ToList();
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            var value = option.GetValue(settings);
            Assert.True(value is not null && !Equals(value, false), $"the test sets no value for {option.Name}");
            Assert.Equal(value, option.GetValue(second));
        }
    }
}
