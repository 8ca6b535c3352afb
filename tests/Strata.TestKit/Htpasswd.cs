namespace Strata.TestKit;

/// <summary>Writes an htpasswd file with one bcrypt entry, the only hash distribution's htpasswd auth accepts.</summary>
internal static class Htpasswd
{
    public static async Task WriteAsync(string path, string username, string password, CancellationToken cancellationToken)
    {
        var htpasswd = ExternalTool.Find("htpasswd", "apache2-utils");
        // -n prints rather than edits a file, -b takes the password from the command line, -B is bcrypt.
        var result = await ExternalTool.RunAsync(htpasswd, ["-nbB", username, password], cancellationToken: cancellationToken);
        var line = result.StandardOutput.Trim();
        if (!result.Succeeded || !line.StartsWith(username + ":$2", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"htpasswd did not make a bcrypt entry: {result}");
        }
        await File.WriteAllTextAsync(path, line + "\n", cancellationToken);
    }
}
