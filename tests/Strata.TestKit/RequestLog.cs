namespace Strata.TestKit;

/// <summary>The requests a test server received, in arrival order, safe to read while it serves.</summary>
internal sealed class RequestLog
{
    private readonly List<ProxiedRequest> _requests = [];

    public IReadOnlyList<ProxiedRequest> Snapshot()
    {
        lock (_requests)
        {
            return [.. _requests];
        }
    }

    public ProxiedRequest Add(ProxiedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
        return request;
    }
}
