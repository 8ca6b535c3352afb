namespace Strata.Fuzz;

/// <summary>
/// The fuzzer's short run in the normal test suite: a fixed range of seeds, so it is the same run every time and any
/// failure names a seed to replay with <c>dotnet run --project tests/Strata.Fuzz -- --seed N</c>.
/// </summary>
public sealed class FixedSeedFuzzTests(ITestOutputHelper output)
{
    private const int FirstSeed = 1;
    private const int Cases = 60;

    [Fact]
    public async Task Every_fixed_seed_case_keeps_the_promise()
    {
        var options = new FuzzOptions { StartSeed = FirstSeed, Cases = Cases, Parallel = 2 };
        var results = await FuzzRunner.RunAsync(options, output.WriteLine, TestContext.Current.CancellationToken);

        Assert.Equal(Cases, results.Count);
        var failures = results.Where(r => r.Failed).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {Cases} fuzz cases broke the promise:\n" + string.Join("\n", failures.Select(f => f.Report())));
    }

    [Fact]
    public async Task An_unmutated_image_passes_every_check()
    {
        // The checks must not fail a well-behaved run, or every failure above would be noise: find a seed whose case
        // is the control (no mutation) and require it to pass.
        var control = Enumerable.Range(1, 500).First(seed => ControlSeed(seed));
        var result = await FuzzRunner.RunCaseAsync(control);

        Assert.True(!result.Failed, result.Report());
        Assert.Equal(0, result.Run?.ExitCode);
    }

    private static bool ControlSeed(int seed) => CaseGenerator.Plan(new Random(seed)) is { Mutation: "none", Reach: Reach.Content };
}
