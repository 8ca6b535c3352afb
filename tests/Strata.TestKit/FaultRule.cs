namespace Strata.TestKit;

/// <summary>A fault for the first <see cref="Times"/> requests a predicate matches; later ones pass through.</summary>
public sealed class FaultRule
{
    private readonly Func<ProxiedRequest, bool> _when;
    private int _applied;

    internal FaultRule(Fault fault, Func<ProxiedRequest, bool> when, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        Fault = fault;
        _when = when;
        Times = times;
    }

    public Fault Fault { get; }

    public int Times { get; }

    /// <summary>How many requests got the fault so far.</summary>
    public int Applied => Volatile.Read(ref _applied);

    public bool Exhausted => Applied >= Times;

    internal bool TryApply(ProxiedRequest request)
    {
        if (Exhausted || !_when(request))
        {
            return false;
        }
        while (true)
        {
            var applied = Volatile.Read(ref _applied);
            if (applied >= Times)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _applied, applied + 1, applied) == applied)
            {
                return true;
            }
        }
    }
}
