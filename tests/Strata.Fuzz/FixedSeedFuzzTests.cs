namespace Strata.Fuzz;

/// <summary>
/// The fuzzer's short run in the normal test suite: a fixed set of seeds, so it is the same run every time and any
/// failure names a seed to replay with <c>dotnet run --project tests/Strata.Fuzz -- --seed N</c>.
/// </summary>
public sealed class FixedSeedFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// Seeds that reached a distinct defect when they were chosen (a seed means the same case only as long as the
    /// generator is unchanged; replay one with --seed N --verbose to see what it is now).
    /// </summary>
    private static readonly int[] DefectSeeds =
    [
        460,  // a layer digest "/CANARY:HEX" from a registry: the local file is opened and its mtime changed
        610,  // the same through analyze: the local file is analysed and listed in the report
        354,  // a ".wh." entry: unexpected NullReferenceException
        957,  // docker manifest.json RepoTags[0] a number: unexpected InvalidOperationException
        1098, // a registry redirect to file:///etc/passwd: unexpected NotSupportedException
        372,  // a blob body shorter than its Content-Length: unexpected HttpIOException
        1426, // a layer blob that is a dangling symlink: unexpected AggregateException
        1231, // 400,000 continuation lines in dpkg status: over 10 s of processor time
        62,   // a layer named by a wrong sha512 digest: accepted
        81,   // a diff_id in sha512 that does not match: accepted
        112,  // a tar header with a wrong checksum in a docker archive's layer: accepted
        179,  // a layer named by its correct sha512 digest: refused
        240,  // a layer digest in upper case: accepted
        1115, // a 70,000-character config digest: quoted whole in the error, which wraps over 19 lines
        749843812, // a 70 KiB GNU long name before a pax entry: .NET's "unexpectedly found" message, blamed on gzip
        616127539, // a pax header before another: the tar reader's "unexpectedly found" reached the user
        616128095, // a 3 MiB layer path in a docker manifest.json: quoted whole, over nine lines
        670433633, // a pax header before another in the outer docker archive: "unexpectedly found" again
        670433939, // dpkg status with its first stanza 50,000 times: over 10 s of processor time
    ];

    private static readonly int[] Seeds = [.. Enumerable.Range(1, 48), .. DefectSeeds];

    [Fact]
    public async Task Every_fixed_seed_case_keeps_the_promise()
    {
        var options = new FuzzOptions { Seeds = Seeds, Parallel = 2 };
        var results = await FuzzRunner.RunAsync(options, output.WriteLine, TestContext.Current.CancellationToken);

        Assert.Equal(Seeds.Length, results.Count);
        var failures = results.Where(r => r.Failed).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {Seeds.Length} fuzz cases broke the promise:\n" + string.Join("\n", failures.Select(f => f.Report())));
    }

    [Fact]
    public async Task An_unmutated_image_passes_every_check()
    {
        // The checks must not fail a well-behaved run, or every failure above would be noise: find a seed whose case
        // is the control (no mutation, read to the last layer) and require it to pass.
        var control = Enumerable.Range(1, 500).First(seed => CaseGenerator.Plan(new Random(seed)) is { Mutation: "none", Reach: Reach.Content });
        var result = await FuzzRunner.RunCaseAsync(control);

        Assert.True(!result.Failed, result.Report());
        Assert.Equal(0, result.Run?.ExitCode);
    }
}
