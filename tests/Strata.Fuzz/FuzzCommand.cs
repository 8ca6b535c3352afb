namespace Strata.Fuzz;

/// <summary>The fuzzer as a command: runs the cases the options ask for, prints each, exits 1 when any broke the promise.</summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"strata-fuzz: {e.Message}");
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var results = FuzzRunner.RunAsync(options, Console.WriteLine, cancel.Token).GetAwaiter().GetResult();
        return results.Any(r => r.Failed) ? 1 : 0;
    }
}
