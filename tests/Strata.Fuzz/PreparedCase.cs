namespace Strata.Fuzz;

/// <summary>A case ready to run: the strata command line, what was done to its input, and the registry (and proxy) serving it, if any.</summary>
internal sealed class PreparedCase(int seed, IReadOnlyList<string> arguments, Reach commandReach, CaseLog log, IReadOnlyList<IAsyncDisposable> servers) : IAsyncDisposable
{
    public int Seed { get; } = seed;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>How deep the command reads, to know which defects it must refuse.</summary>
    public Reach CommandReach { get; } = commandReach;

    public CaseLog Log { get; } = log;

    public string Description => Log.ToString();

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers.Reverse())
        {
            await server.DisposeAsync();
        }
    }
}
