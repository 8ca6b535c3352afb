namespace Strata.Fuzz;

/// <summary>The checks themselves, on runs made up by hand: each broken promise is seen, and a clean run passes.</summary>
public sealed class PromiseCheckTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_clean_refusal_with_one_named_error_breaks_nothing()
    {
        var violations = Check(new RunResult(2, "", "strata: error: layer 0 (blobs/sha256/ab): tar header of 'etc/x': checksum field\n", 60 << 20, Second, null));

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("strata: error: unexpected NullReferenceException: Object reference not set\n", "no internal exception")]
    [InlineData("strata: error: layer 0: unreadable (InvalidDataException: bad)\n", "no exception type name")]
    [InlineData("strata: error: layer 0: entry was unexpectedly found\n", "no line saying 'unexpected'")]
    [InlineData("strata: error: x\n   at Strata.Images.Digest.Parse(String text) in Digest.cs:line 4\n", "no stack trace")]
    [InlineData("strata: error: bad name 'a\nstrata: error: forged'\n", "one error line")]
    [InlineData("strata: error: bad name '\u001b[2J'\n", "no control characters on the terminal")]
    public void Each_broken_promise_in_the_output_is_named(string standardError, string promise)
    {
        var violations = Check(new RunResult(2, "", standardError, 60 << 20, Second, null));

        Assert.Contains(violations, v => v.Promise == promise);
    }

    [Fact]
    public void A_killed_run_breaks_the_time_bound_and_a_fat_one_the_memory_bound()
    {
        Assert.Contains(Check(new RunResult(null, "", "", 60 << 20, TimeSpan.FromSeconds(11), "still running after 10 s")), v => v.Promise == "time bound");
        Assert.Contains(Check(new RunResult(0, "", "", 400L << 20, Second, null)), v => v.Promise == "memory bound");
        Assert.Contains(Check(new RunResult(134, "", "", 60 << 20, Second, null)), v => v.Promise == "exit code");
    }

    [Fact]
    public void Exit_0_on_an_input_that_must_be_refused_is_a_failure_only_for_commands_that_read_that_deep()
    {
        var log = new CaseLog();
        log.Refuse("a tar header with a wrong checksum", Reach.Content);
        var accepted = new RunResult(0, "", "", 60 << 20, Second, null);

        Assert.Contains(PromiseCheck.Check(new PreparedCase(1, [], Reach.Content, log, []), accepted, [], false), v => v.Promise == "invalid input refused");
        Assert.DoesNotContain(PromiseCheck.Check(new PreparedCase(1, [], Reach.Manifest, log, []), accepted, [], false), v => v.Promise == "invalid input refused");
    }

    [Fact]
    public void A_touched_canary_and_a_leaked_marker_are_both_seen()
    {
        using var sandbox = new Sandbox(0);
        var before = sandbox.Snapshot();
        File.SetLastWriteTimeUtc(sandbox.LeakTar, DateTime.UtcNow);
        File.WriteAllText(Path.Combine(sandbox.Home, "stray"), "x");
        File.WriteAllText(Path.Combine(sandbox.Output, "report.json"), Sandbox.LeakMarker);
        File.WriteAllText(Path.Combine(sandbox.Cache, "blob"), "allowed");

        var changes = Sandbox.Changes(before, sandbox.Snapshot());

        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.StartsWith(sandbox.LeakTar + " changed", StringComparison.Ordinal));
        Assert.Contains(changes, c => c == Path.Combine(sandbox.Home, "stray") + " created");
        Assert.True(sandbox.OutputHoldsLeak());
    }

    private static List<Violation> Check(RunResult run) => PromiseCheck.Check(new PreparedCase(1, [], Reach.Content, new CaseLog(), []), run, [], false);
}
