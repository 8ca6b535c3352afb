using System.Net;
using System.Net.Sockets;

namespace Strata.TestKit;

/// <summary>A loopback port nobody listened on a moment ago: the caller binds it soon, and retries if someone was faster.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
