namespace Strata.Fuzz;

/// <summary>
/// <c>dotnet run --project tests/Strata.Fuzz -- --minutes 10</c> (or <c>--seed N</c>, <c>--cases N</c>) runs the fuzzer;
/// any other command line is xunit's, so the project stays an ordinary test project.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (FuzzOptions.IsFuzzCommandLine(args))
        {
            return FuzzCommand.Run(args);
        }
        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            return Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework.RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions).GetAwaiter().GetResult();
        }
        return Xunit.Runner.InProc.SystemConsole.ConsoleRunner.Run(args).GetAwaiter().GetResult();
    }
}
