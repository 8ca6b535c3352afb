using System.Net.Sockets;

namespace Strata.Images.Registry;

/// <summary>Turns what the HTTP stack throws into words naming the URL, and tells the faults worth retrying from those that are not.</summary>
internal static class NetworkFailure
{
    private const string LocalHint = "for a local image use docker-daemon:NAME";

    /// <summary>A host that does not resolve, or refuses the connection: retrying will not help, so fail at once.</summary>
    public static string? Unreachable(Exception e, Uri url)
    {
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } || Find<SocketException>(e) is { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
        {
            return $"cannot resolve the host {url.Host} (is the registry name right? {LocalHint})";
        }
        if (Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"{url.Authority} refused the connection (is the registry running? {LocalHint})";
        }
        return null;
    }

    /// <summary>The message of the innermost useful exception, without its type.</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner.Message.Length > 0 && !message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += ": " + inner.Message;
            }
        }
        return message.ReplaceLineEndings(" ");
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}
