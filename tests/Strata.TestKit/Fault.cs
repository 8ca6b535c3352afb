namespace Strata.TestKit;

/// <summary>
/// What <see cref="FaultProxy"/> does instead of relaying a request faithfully. Byte counts and offsets are of the
/// response body as relayed (of the range, for a ranged request), not of the blob.
/// </summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>Answers with <paramref name="code"/> (and Retry-After when given) without asking the upstream.</summary>
    public static Fault Status(int code, string? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        return new StatusFault(code, retryAfter);
    }

    /// <summary>Relays the upstream's head and the first <paramref name="bytes"/> of the body, then resets the connection (RST).</summary>
    public static Fault ResetAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return new ResetFault(bytes);
    }

    /// <summary>
    /// Relays the upstream's head, its Content-Length included, and the first <paramref name="bytes"/> of the body, then
    /// closes the connection normally (FIN). A body no longer than that is relayed whole.
    /// </summary>
    public static Fault Truncate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return new TruncateFault(bytes);
    }

    /// <summary>Relays the body with the byte at <paramref name="offset"/> inverted; same length.</summary>
    public static Fault CorruptByte(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return new CorruptFault(offset);
    }

    /// <summary>
    /// Relays the whole body, slowly: <paramref name="bytes"/> at a time with <paramref name="pause"/> after each, so a
    /// transfer is still under way when a test interrupts it.
    /// </summary>
    public static Fault Throttle(int bytes, TimeSpan pause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        return new ThrottleFault(bytes, pause);
    }

    /// <summary>
    /// Answers 307 without asking the upstream. A bare host (<c>http://127.0.0.2:PORT/</c>) gets the request's path and
    /// query; a URI with a path of its own is the Location as is.
    /// </summary>
    public static Fault RedirectTo(Uri otherHost)
    {
        ArgumentNullException.ThrowIfNull(otherHost);
        if (!otherHost.IsAbsoluteUri)
        {
            throw new ArgumentException("A redirect needs an absolute URI", nameof(otherHost));
        }
        return new RedirectFault(otherHost);
    }
}

internal sealed record StatusFault(int Code, string? RetryAfter) : Fault
{
    public override string ToString() => RetryAfter is null ? $"status {Code}" : $"status {Code}, Retry-After {RetryAfter}";
}

internal sealed record ResetFault(long Bytes) : Fault
{
    public override string ToString() => $"reset after {Bytes} bytes";
}

internal sealed record TruncateFault(long Bytes) : Fault
{
    public override string ToString() => $"truncate after {Bytes} bytes";
}

internal sealed record CorruptFault(long Offset) : Fault
{
    public override string ToString() => $"corrupt byte {Offset}";
}

internal sealed record ThrottleFault(int Bytes, TimeSpan Pause) : Fault
{
    public override string ToString() => $"throttle to {Bytes} bytes per {Pause.TotalMilliseconds} ms";
}

internal sealed record RedirectFault(Uri OtherHost) : Fault
{
    public Uri Location(string target) =>
        OtherHost.AbsolutePath == "/" && OtherHost.Query.Length == 0 ? new Uri(OtherHost, target) : OtherHost;

    public override string ToString() => $"redirect to {OtherHost}";
}
