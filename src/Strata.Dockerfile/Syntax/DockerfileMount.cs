namespace Strata.Dockerfile.Syntax;

/// <summary>
/// A <c>RUN --mount=…</c> flag read as the builder reads it: comma-separated <c>key=value</c> fields, the type
/// <c>bind</c> unless <c>type=</c> says otherwise. Keys are lower case; a field with no <c>=</c> (<c>readonly</c>)
/// maps to an empty value.
/// </summary>
public sealed record DockerfileMount(string Type, IReadOnlyDictionary<string, string> Options, DockerfileFlag Flag)
{
    /// <summary>The mount types the builder accepts.</summary>
    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal) { "bind", "cache", "tmpfs", "secret", "ssh" };

    /// <summary>Where the mount appears in the build container (<c>target</c>, <c>dst</c> or <c>destination</c>).</summary>
    public string? Target => Option("target") ?? Option("dst") ?? Option("destination");

    public string? Id => Option("id");

    public string? Source => Option("source") ?? Option("src");

    public string? From => Option("from");

    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;
}
