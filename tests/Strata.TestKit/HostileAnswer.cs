using System.Text;

namespace Strata.TestKit;

/// <summary>
/// How <see cref="HostileHttpServer"/> answers one request: faults no real registry produces on demand, such as a
/// response dripped a byte at a time, or a body that never ends.
/// </summary>
public abstract record HostileAnswer
{
    private protected HostileAnswer(int status, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Status = status;
        Headers = headers;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>A well-formed response with a Content-Length.</summary>
    public static HostileAnswer Plain(int status, string body, params (string Name, string Value)[] headers) =>
        new PlainAnswer(status, List(headers), Encoding.UTF8.GetBytes(body));

    /// <summary>The whole response, head included, one byte every <paramref name="interval"/>.</summary>
    public static HostileAnswer DripHead(int status, string body, TimeSpan interval, params (string Name, string Value)[] headers) =>
        new DripAnswer(status, List(headers), Encoding.UTF8.GetBytes(body), interval, HeadToo: true);

    /// <summary>The head at once, then the body one byte every <paramref name="interval"/>.</summary>
    public static HostileAnswer DripBody(int status, string body, TimeSpan interval, params (string Name, string Value)[] headers) =>
        new DripAnswer(status, List(headers), Encoding.UTF8.GetBytes(body), interval, HeadToo: false);

    /// <summary>
    /// A body without Content-Length that starts with <paramref name="prefix"/> and then repeats <paramref name="filler"/>
    /// as fast as the client reads, until it goes away (an endless JSON string, say).
    /// </summary>
    public static HostileAnswer Endless(int status, string prefix, byte filler, params (string Name, string Value)[] headers) =>
        new EndlessAnswer(status, List(headers), Encoding.UTF8.GetBytes(prefix), filler);

    private static List<KeyValuePair<string, string>> List((string Name, string Value)[] headers) =>
        [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))];
}

internal sealed record PlainAnswer(int Code, IReadOnlyList<KeyValuePair<string, string>> Head, byte[] Body) : HostileAnswer(Code, Head);

internal sealed record DripAnswer(int Code, IReadOnlyList<KeyValuePair<string, string>> Head, byte[] Body, TimeSpan Interval, bool HeadToo)
    : HostileAnswer(Code, Head);

internal sealed record EndlessAnswer(int Code, IReadOnlyList<KeyValuePair<string, string>> Head, byte[] Prefix, byte Filler) : HostileAnswer(Code, Head);
