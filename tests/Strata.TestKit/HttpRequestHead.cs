using System.Globalization;

namespace Strata.TestKit;

/// <summary>A request as <see cref="HttpConnection"/> read it: request line, headers in order, and the body if any.</summary>
internal sealed class HttpRequestHead
{
    private HttpRequestHead(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Method = method;
        Target = target;
        Headers = headers;
    }

    public string Method { get; }

    /// <summary>Path and query as the client sent them (origin form, even if it sent an absolute URI).</summary>
    public string Target { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public bool Chunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    public long? ContentLength =>
        Header("Content-Length") is { } value ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>Null when the request had neither a Content-Length nor a chunked body.</summary>
    public byte[]? Body { get; set; }

    public static HttpRequestHead Parse(string requestLine, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var parts = requestLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Malformed request line: " + requestLine);
        }
        var target = parts[1];
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            target = absolute.PathAndQuery;
        }
        return new HttpRequestHead(parts[0], target, headers);
    }

    public string? Header(string name) => HeaderList.First(Headers, name);
}
