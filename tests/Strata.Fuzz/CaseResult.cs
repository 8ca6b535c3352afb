using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Fuzz;

/// <summary>One case's outcome: its seed, what it did, how strata ran, and the promises it broke.</summary>
internal sealed partial record CaseResult(int Seed, string Description, IReadOnlyList<string> Arguments, RunResult? Run, IReadOnlyList<Violation> Violations)
{
    public bool Failed => Violations.Count > 0;

    public string Replay => $"dotnet run --project tests/Strata.Fuzz -- --seed {Seed}";

    public string Summary => Run is null
        ? $"seed {Seed}: {(Failed ? "FAILED" : "ok")} {Description}"
        : $"seed {Seed}: {(Failed ? "FAILED" : "ok")} (exit {Run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, " +
          $"{Run.Elapsed.TotalSeconds:0.0} s, {Run.ProcessorTime.TotalSeconds:0.0} s CPU, {Run.PeakBytes / (1024 * 1024)} MB) {TarMutator.Printable(Description)}";

    /// <summary>The full report of a failure: what it was, the command, each broken promise, and how to replay it.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(Summary);
        report.AppendLine($"  strata {TarMutator.Printable(string.Join(' ', Arguments))}");
        foreach (var violation in Violations)
        {
            report.AppendLine($"  broke '{violation.Promise}': {violation.Detail}");
        }
        if (Run?.StandardError.Split('\n').FirstOrDefault(l => l.Length > 0) is { } firstError)
        {
            report.AppendLine($"  stderr: {TarMutator.Printable(firstError.Length > 300 ? firstError[..300] + "…" : firstError)}");
        }
        report.AppendLine($"  replay: {Replay}");
        return report.ToString();
    }

    /// <summary>A failure class: the promise, and the mutation or exception type that broke it, without the case's particulars.</summary>
    public IEnumerable<string> Classes() => Violations.Select(v =>
    {
        var mutation = MutationName().Match(Description) is { Success: true } m ? m.Groups[1].Value : "?";
        var exception = ExceptionName().Match(v.Detail) is { Success: true } e ? $" {e.Groups[1].Value}" : "";
        var reason = v.Promise is "invalid input refused" or "legal input accepted" ? $" on {v.Detail.Split(" on ", 2)[^1].Split(':')[0]}" : "";
        return $"{v.Promise}{exception}{reason} (mutation {mutation})";
    });

    [GeneratedRegex(@"mutation ([\w-]+)", RegexOptions.RightToLeft)]
    private static partial Regex MutationName();

    [GeneratedRegex(@"\b([A-Z]\w*Exception)\b")]
    private static partial Regex ExceptionName();
}
