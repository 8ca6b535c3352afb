namespace Strata.Images.Registry;

/// <summary>
/// Bounds one HTTP exchange: its token is cancelled by the caller, when the exchange stalls for the idle timeout
/// (re-armed by <see cref="Progress"/>), or when its deadline passes. After cancellation it says which bound fired.
/// </summary>
internal sealed class RequestTimer : IDisposable
{
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeSpan _deadlineLength;
    private long _sinceProgress;

    /// <param name="deadline">When the exchange must be over, or null for none (a blob's body).</param>
    public RequestTimer(CancellationToken caller, TimeSpan idleTimeout, DateTimeOffset? deadline, TimeSpan deadlineLength)
    {
        _idleTimeout = idleTimeout;
        _deadlineLength = deadlineLength;
        _idle.CancelAfter(idleTimeout);
        if (deadline is { } at)
        {
            var remaining = at - DateTimeOffset.UtcNow;
            _deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _idle.Token, _deadline.Token);
        }
        else
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _idle.Token);
        }
        Caller = caller;
    }

    public CancellationToken Token => _linked.Token;

    public CancellationToken Caller { get; }

    /// <summary>True when a bound of this timer (not the caller) cancelled the exchange.</summary>
    public bool Expired => !Caller.IsCancellationRequested && (_idle.IsCancellationRequested || _deadline?.IsCancellationRequested == true);

    /// <summary>What fired, as the end of an error message.</summary>
    public string Reason => _deadline?.IsCancellationRequested == true
        ? $"not finished within the {Seconds(_deadlineLength)} deadline for one request"
        : $"stalled: fewer than {RegistryClientOptions.StallBytes} bytes in {Seconds(_idleTimeout)} (--timeout)";

    /// <summary>Counts bytes moved; every <see cref="RegistryClientOptions.StallBytes"/> of them re-arm the idle timeout.</summary>
    public void Progress(int bytes)
    {
        _sinceProgress += bytes;
        if (_sinceProgress >= RegistryClientOptions.StallBytes)
        {
            Rearm();
        }
    }

    /// <summary>A phase ended (the upload, the body): the next one gets a whole idle timeout.</summary>
    public void Rearm()
    {
        _sinceProgress = 0;
        try
        {
            _idle.CancelAfter(_idleTimeout);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
        _deadline?.Dispose();
    }

    internal static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? FormattableString.Invariant($"{span.TotalSeconds:0.#} s")
            : FormattableString.Invariant($"{span.TotalMilliseconds:0} ms");
}
