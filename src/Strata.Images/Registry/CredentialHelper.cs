using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Strata.Images.Registry;

/// <summary>
/// Runs <c>docker-credential-NAME get</c> with the server on standard input, as Docker does, under a real timeout:
/// a helper that never answers is killed, and one that answers without end is cut off.
/// </summary>
internal static class CredentialHelper
{
    private const int MaxAnswerChars = 64 * 1024;

    public static RegistryCredentials? Get(string name, string server, TimeSpan timeout, string configPath)
    {
        var program = $"docker-credential-{name}";
        var start = new ProcessStartInfo(program, "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new StrataException($"{configPath}: cannot run {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new StrataException($"{configPath}: credential helper {program} cannot run ({e.Message})");
        }
        using (process)
        {
            var (exitCode, output, error) = Run(process, server, timeout, program);
            if (exitCode != 0)
            {
                // "credentials not found" is the helper's way of saying: anonymous.
                return error.Contains("not found", StringComparison.OrdinalIgnoreCase) || output.Contains("not found", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : throw new StrataException($"{program} failed for {server}: {IO.ShownText.Of((error + output).Trim(), RegistryClientOptions.MaxShownChars)}");
            }
            return Parse(output, program, server);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(Process process, string server, TimeSpan timeout, string program)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var output = ReadCappedAsync(process.StandardOutput, deadline.Token);
            var error = ReadCappedAsync(process.StandardError, deadline.Token);
            try
            {
                process.StandardInput.Write(server);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The helper did not read its input; its answer says what it made of that.
            }
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
            return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw new StrataException($"{program}: no answer within {RequestTimer.Seconds(timeout)} for {server}; killed it");
        }
        catch (AnswerTooLongException)
        {
            Kill(process);
            throw new StrataException($"{program}: an answer over {MaxAnswerChars} characters for {server}; killed it");
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (text.Length + read > MaxAnswerChars)
            {
                throw new AnswerTooLongException();
            }
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    private static RegistryCredentials Parse(string output, string program, string server)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            return new RegistryCredentials(root.GetProperty("Username").GetString() ?? "", root.GetProperty("Secret").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StrataException($"{program}: unreadable answer for {server}");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    private sealed class AnswerTooLongException : Exception;
}
