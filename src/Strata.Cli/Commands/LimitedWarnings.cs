namespace Strata.Cli.Commands;

/// <summary>
/// Writes warnings as they come, up to a number; the rest are counted and summed up in one line at the end, so a
/// broken export of thousands of records does not bury the terminal.
/// </summary>
internal sealed class LimitedWarnings(CliContext context, int shown = 20)
{
    private int _count;

    public void Write(string warning)
    {
        if (Interlocked.Increment(ref _count) <= shown)
        {
            Warnings.Write(context, [warning]);
        }
    }

    public void Finish()
    {
        if (_count > shown)
        {
            Warnings.Write(context, [$"{_count - shown} more warnings like those not shown"]);
        }
    }
}
