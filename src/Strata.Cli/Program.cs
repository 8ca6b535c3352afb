using System.Runtime.InteropServices;
using Strata.Cli;

StartupWarmup.Begin(args);

// The first SIGINT or SIGTERM cancels the command, which cleans up and exits 130; a second one ends the process at once.
using var interrupted = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await StrataApp.RunAsync(args, CliContext.FromProcess() with { Cancellation = interrupted.Token });

void Interrupt(PosixSignalContext signal)
{
    if (!interrupted.IsCancellationRequested)
    {
        signal.Cancel = true;
        _ = interrupted.CancelAsync();
    }
}
