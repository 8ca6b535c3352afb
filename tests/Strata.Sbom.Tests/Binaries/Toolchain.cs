using System.Diagnostics;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>
/// A compiler (go, rustc) as Debian installs it, which ./test.sh does: the cross-checks fail without one rather than
/// skip. Debian's folders come before PATH, so a developer's rustup or Go download does not stand in for what CI has.
/// </summary>
internal static class Toolchain
{
    private static readonly string[] DebianFolders = ["/usr/bin", "/usr/lib/go/bin"];

    public static string Find(string name, string package) =>
        DebianFolders.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} not found in /usr/bin, /usr/lib/go/bin or PATH: the cross-check needs Debian's {package}, which ./test.sh installs");

    /// <summary>Runs the tool in <paramref name="folder"/> and returns its standard output; fails the test when it fails.</summary>
    public static async Task<string> RunAsync(
        string tool, string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', start.ArgumentList)} failed: {await error}");
        return await output;
    }
}
