using System.Net;

namespace Strata.Images.Registry;

/// <summary>Decides how to reach a registry host: HTTPS always, plain HTTP only for loopback and named insecure hosts.</summary>
public static class RegistryHosts
{
    public static bool IsLoopback(string hostAndPort)
    {
        var host = HostName(hostAndPort);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static bool AllowsPlainHttp(string hostAndPort, IReadOnlySet<string> insecure) =>
        IsLoopback(hostAndPort) || insecure.Contains(hostAndPort) || insecure.Contains(HostName(hostAndPort));

    public static Uri BaseUri(string apiHost, IReadOnlySet<string> insecure) =>
        new($"{(AllowsPlainHttp(apiHost, insecure) ? "http" : "https")}://{apiHost}/");

    /// <summary>The host without its port: <c>[::1]:5000</c> → <c>[::1]</c>, <c>reg:5000</c> → <c>reg</c>.</summary>
    public static string HostName(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? hostAndPort[..(close + 1)] : hostAndPort;
        }
        var colon = hostAndPort.LastIndexOf(':');
        return colon > 0 ? hostAndPort[..colon] : hostAndPort;
    }
}
