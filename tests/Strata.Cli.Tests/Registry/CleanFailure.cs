namespace Strata.Cli.Tests.Registry;

/// <summary>A failure as a user must see it: exit 2, one line, no exception type, naming what went wrong.</summary>
internal static class CleanFailure
{
    public static void Assert(CliResult result, params string[] fragments)
    {
        CliAssert.ExitCode(2, result);
        var error = result.Error.TrimEnd();
        Xunit.Assert.DoesNotContain('\n', error);
        Xunit.Assert.DoesNotContain("unexpected", error, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Xunit.Assert.Contains(fragment, error, StringComparison.Ordinal);
        }
    }
}
