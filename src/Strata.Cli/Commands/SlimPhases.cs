using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Strata.Cli.Commands;

/// <summary>Times each step of a slim; with <c>STRATA_DEBUG=1</c> the times go to standard error, for finding where a slim spends it.</summary>
internal sealed class SlimPhases(CliContext context)
{
    private readonly bool _report = context.GetEnvironmentVariable("STRATA_DEBUG") == "1";
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public T Time<T>(string phase, Func<T> step)
    {
        var clock = Stopwatch.StartNew();
        var result = step();
        Report(phase, clock.Elapsed);
        return result;
    }

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> step)
    {
        var clock = Stopwatch.StartNew();
        var result = await step();
        Report(phase, clock.Elapsed);
        return result;
    }

    public void Total() => Report("total", _total.Elapsed);

    private void Report(string phase, TimeSpan elapsed)
    {
        if (_report)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slim: {phase,-28} {elapsed.TotalSeconds,7:F3} s"));
        }
    }
}
