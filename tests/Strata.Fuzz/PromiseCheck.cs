using System.Text.RegularExpressions;

namespace Strata.Fuzz;

/// <summary>One broken promise: which one, and what showed it.</summary>
internal sealed record Violation(string Promise, string Detail)
{
    public override string ToString() => $"{Promise}: {Detail}";
}

/// <summary>
/// The promise strata makes on every input, checked on one run: exit 0, 1 or 2; no internal exception, stack trace or
/// forged line in the output; no raw control characters; within the time and memory bounds; nothing touched outside
/// the output folder and the cache; no local file read as a blob; invalid inputs refused and legal ones accepted.
/// </summary>
internal static partial class PromiseCheck
{
    /// <summary>The promise's 10 s, as processor time so that a busy machine does not break it.</summary>
    public static readonly TimeSpan ProcessorLimit = TimeSpan.FromSeconds(10);

    /// <summary>A child still running after this long on the wall clock is waiting on something that will not come.</summary>
    public static readonly TimeSpan WallLimit = TimeSpan.FromSeconds(30);

    public const long MemoryLimit = 300L * 1024 * 1024;

    public static List<Violation> Check(PreparedCase prepared, RunResult run, List<string> changedFiles, bool outputHoldsLeak)
    {
        var violations = new List<Violation>();
        if (run.KilledBecause is { } why)
        {
            violations.Add(new Violation(run.PeakBytes > MemoryLimit ? "memory bound" : "time bound", why));
        }
        else if (run.ExitCode is not (0 or 1 or 2))
        {
            violations.Add(new Violation("exit code", $"exited {run.ExitCode}"));
        }
        if (run.PeakBytes > MemoryLimit && run.KilledBecause is null)
        {
            violations.Add(new Violation("memory bound", $"peak resident memory {run.PeakBytes / (1024 * 1024)} MB, over {MemoryLimit / (1024 * 1024)} MB"));
        }
        var lines = (run.StandardOutput + "\n" + run.StandardError).Split('\n');
        // Reports on standard output may name files such as FooException.class; only messages are held to these two.
        var errorLines = run.StandardError.Split('\n');
        if (lines.FirstOrDefault(l => UnexpectedType().IsMatch(l)) is { } unexpected)
        {
            violations.Add(new Violation("no internal exception", Shorten(unexpected)));
        }
        else if (errorLines.FirstOrDefault(l => ExceptionType().IsMatch(l)) is { } typeName)
        {
            violations.Add(new Violation("no exception type name", Shorten(typeName)));
        }
        else if (errorLines.FirstOrDefault(l => l.Contains("unexpected", StringComparison.OrdinalIgnoreCase)) is { } runtimeMessage)
        {
            violations.Add(new Violation("no line saying 'unexpected'", Shorten(runtimeMessage)));
        }
        if (lines.FirstOrDefault(l => StackFrame().IsMatch(l)) is { } frame)
        {
            violations.Add(new Violation("no stack trace", Shorten(frame)));
        }
        if (lines.FirstOrDefault(l => l.TrimEnd('\r').Any(c => char.IsControl(c) && c != '\t')) is { } control)
        {
            violations.Add(new Violation("no control characters on the terminal", Shorten(control)));
        }
        CheckErrorLine(run, violations);
        CheckExpectation(prepared, run, violations);
        if (changedFiles.Count > 0)
        {
            violations.Add(new Violation("nothing touched outside the output folder and the cache", string.Join("; ", changedFiles.Take(3))));
        }
        if (outputHoldsLeak || lines.Any(l => l.Contains(Sandbox.LeakMarker, StringComparison.Ordinal)))
        {
            violations.Add(new Violation("no local file read as a blob", $"the canary file {Sandbox.LeakMarker} reached the output"));
        }
        return violations;
    }

    /// <summary>Exit 2 comes with exactly one error line, and nothing after it that could pass for a line of its own.</summary>
    private static void CheckErrorLine(RunResult run, List<Violation> violations)
    {
        if (run.ExitCode != 2)
        {
            return;
        }
        var errorLines = run.StandardError.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var errors = errorLines.Count(l => l.StartsWith("strata: error:", StringComparison.Ordinal));
        var strays = errorLines.Where(l => !l.StartsWith("strata: error:", StringComparison.Ordinal) && !l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        if (errors != 1 || strays.Count > 0)
        {
            violations.Add(new Violation("one error line", $"{errors} 'strata: error:' lines and {strays.Count} other lines on stderr" +
                (strays.Count > 0 ? $", first: {Shorten(strays[0])}" : "")));
        }
    }

    private static void CheckExpectation(PreparedCase prepared, RunResult run, List<Violation> violations)
    {
        if (run.ExitCode == 0 && prepared.Log.MustRefuse is { } refuse && prepared.CommandReach >= refuse.Reach)
        {
            violations.Add(new Violation("invalid input refused", $"exit 0 on {refuse.Reason}"));
        }
        if (run.ExitCode is 2 && prepared.Log.MustAccept is { } accept)
        {
            var error = run.StandardError.Split('\n').FirstOrDefault(l => l.StartsWith("strata: error:", StringComparison.Ordinal)) ?? "";
            violations.Add(new Violation("legal input accepted", $"exit 2 on {accept}: {Shorten(error)}"));
        }
    }

    private static string Shorten(string line)
    {
        var printable = TarMutator.Printable(line.TrimEnd('\r'));
        return printable.Length > 300 ? printable[..300] + "…" : printable;
    }

    [GeneratedRegex(@"unexpected [A-Z]\w+", RegexOptions.CultureInvariant)]
    private static partial Regex UnexpectedType();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"^\s+at [\w.`<>$|]+[.:][\w.`<>$|]*\(.*\)", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
