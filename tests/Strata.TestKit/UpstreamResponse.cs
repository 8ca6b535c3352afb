using System.Net;

namespace Strata.TestKit;

/// <summary>Relays the head of a response from upstream: status, end-to-end headers, and framing of its own.</summary>
internal static class UpstreamResponse
{
    /// <summary>Returns where to write the body, or null when the response has none (HEAD, 1xx, 204, 304).</summary>
    public static async Task<ResponseBody?> WriteHeadAsync(
        HttpConnection connection, HttpResponseMessage response, string method, Func<string, string> rewriteLocation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var length = response.Content.Headers.ContentLength;
        var head = method == "HEAD";
        var bodiless = head || status is < 200 or 204 or 304;
        var chunked = !bodiless && length is null;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (HeaderList.HopByHop.Contains(name))
            {
                continue;
            }
            var isLocation = string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase);
            headers.AddRange(values.Select(value => new KeyValuePair<string, string>(name, isLocation ? rewriteLocation(value) : value)));
        }
        if (length is { } known && (head || !bodiless))
        {
            headers.Add(new("Content-Length", known.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (chunked)
        {
            headers.Add(new("Transfer-Encoding", "chunked"));
        }
        await connection.WriteHeadAsync(status, response.ReasonPhrase ?? Reason(status), headers, cancellationToken);
        return bodiless ? null : new ResponseBody(connection, chunked);
    }

    public static string Reason(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        return response.ReasonPhrase ?? "Unknown";
    }
}
