namespace Strata.TestKit;

/// <summary>A request one of the loopback test servers received, what it answered, and the fault it injected.</summary>
public sealed class ProxiedRequest
{
    private int _status;

    internal ProxiedRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, long? bodyLength, bool chunked)
    {
        Method = method;
        Target = target;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        Path = query < 0 ? target : target[..query];
        Headers = headers;
        BodyLength = bodyLength;
        Chunked = chunked;
    }

    public string Method { get; }

    /// <summary>Path and query, as sent.</summary>
    public string Target { get; }

    public string Path { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Null when the request had no body framing at all.</summary>
    public long? BodyLength { get; }

    public bool Chunked { get; }

    /// <summary>The status answered; 0 while the answer is not out yet (or never came).</summary>
    public int Status => Volatile.Read(ref _status);

    public Fault? Fault { get; internal set; }

    /// <summary>Why relaying failed, when it did (the upstream was unreachable, say).</summary>
    public string? Error { get; internal set; }

    public string? Header(string name) => HeaderList.First(Headers, name);

    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Method} {Target} -> {Status}{(Fault is null ? "" : $" ({Fault})")}";

    internal void Answered(int status) => Volatile.Write(ref _status, status);
}
