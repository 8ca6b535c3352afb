using System.Text;
using Spectre.Console.Testing;

namespace Strata.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error, byte[] StandardOutputBytes)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);
}

/// <summary>Runs the real command line in-process with captured consoles and a chosen environment.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        string[] args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, string? standardInput = null,
        bool errorIsTerminal = false, CancellationTokenSource? interrupt = null)
    {
        var output = new TestConsole().Width(200);
        // A terminal gets live progress bars: an interactive console that understands ANSI.
        var error = errorIsTerminal ? new TestConsole().Width(200).Interactive().EmitAnsiSequences() : new TestConsole().Width(4096);
        var stdout = new MemoryStream();
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        // Tests must not inherit the CI switch of the machine running them.
        env.TryAdd("CI", "false");
        var context = new CliContext(
            output,
            error,
            () => new NonClosingStream(stdout),
            () => new StringReader(standardInput ?? ""),
            name => env.TryGetValue(name, out var value) ? value : null,
            workingDirectory ?? Directory.GetCurrentDirectory(),
            ErrorIsTerminal: errorIsTerminal)
        {
            // Never the test process's own standard input: "-" as IMAGE reads what the test gives.
            OpenStandardInputBytes = () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? "")),
            // What SIGINT or SIGTERM signals in the real process.
            Cancellation = interrupt?.Token ?? CancellationToken.None,
        };
        var exit = await StrataApp.RunAsync(args, context);
        return new CliResult(exit, output.Output, error.Output, stdout.ToArray());
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

public static class CliAssert
{
    /// <summary>Asserts the exit code, showing what the command printed when it differs.</summary>
    public static void ExitCode(int expected, CliResult result)
    {
        if (result.ExitCode != expected)
        {
            Assert.Fail($"exit code {result.ExitCode}, expected {expected}\nstderr:\n{result.Error}\nstdout:\n{result.Out}");
        }
    }
}
