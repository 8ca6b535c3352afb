using System.Diagnostics;

namespace Strata.Sbom.Tests.Os;

/// <summary>Runs the Debian tools that make real rpm databases (rpmbuild, rpm, db_load); .ci/run installs them.</summary>
internal static class Tool
{
    public static async Task<string> RunAsync(string tool, string package, IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var path = new[] { "/usr/bin", "/usr/local/bin", "/bin" }.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{tool} not found: these tests need Debian's {package}; install it as .ci/run does: apt-get install -y {package}");
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
        }
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await error}\n{await output}");
        }
        return await output;
    }
}
