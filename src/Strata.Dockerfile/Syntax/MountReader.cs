namespace Strata.Dockerfile.Syntax;

/// <summary>Reads a <c>--mount</c> flag's comma-separated <c>key=value</c> fields.</summary>
internal static class MountReader
{
    public static DockerfileMount Read(DockerfileFlag flag)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in (flag.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? field : field[..equals]).ToLowerInvariant();
            options[key] = equals < 0 ? "" : field[(equals + 1)..];
        }
        var type = options.TryGetValue("type", out var given) ? given.ToLowerInvariant() : "bind";
        return new DockerfileMount(type, options, flag);
    }
}
