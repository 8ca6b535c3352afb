namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>Hand-written OSV records: one <c>affected</c> entry, with the ranges and versions a test gives.</summary>
internal static class OsvJson
{
    public static string Record(string id, string ecosystem, string name, string ranges = "[]", string versions = "[]", string aliases = "[]", string extra = "") => $$"""
        {
          "id": "{{id}}",
          "aliases": {{aliases}},
          "summary": "{{id}} summary",
          {{extra}}
          "affected": [ { "package": { "ecosystem": "{{ecosystem}}", "name": "{{name}}" }, "ranges": {{ranges}}, "versions": {{versions}} } ]
        }
        """;

    /// <summary>One range of the type given, its events written as <c>introduced:0</c>, <c>fixed:1.2.3</c> …</summary>
    public static string Range(string type, params string[] events) =>
        $$"""[ { "type": "{{type}}", "events": [ {{string.Join(", ", events.Select(Event))}} ] } ]""";

    public static string Versions(params string[] versions) => "[" + string.Join(", ", versions.Select(v => $"\"{v}\"")) + "]";

    private static string Event(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return $$"""{ "{{text[..colon]}}": "{{text[(colon + 1)..]}}" }""";
    }
}
