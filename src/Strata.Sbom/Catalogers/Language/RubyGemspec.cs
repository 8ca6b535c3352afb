using System.Text.RegularExpressions;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// The fields RubyGems writes into an installed gem's <c>specifications/NAME-VERSION.gemspec</c>, read from the Ruby
/// source with patterns, never run: <c>s.name = "x"</c>, <c>s.version = "1.2"</c> (or <c>Gem::Version.new("1.2")</c>),
/// <c>s.licenses = ["MIT"]</c> or <c>s.license = "MIT"</c>; strings may carry <c>.freeze</c> or be <c>%q{…}</c>.
/// The <c># stub: name version</c> comment stands in for a missing name or version. The patterns run without
/// backtracking, so that no gemspec, however hostile, takes more than linear time.
/// </summary>
internal static partial class RubyGemspec
{
    private const string Literal = """(?:"(?<s>(?:[^"\\\n]|\\.)*)"|'(?<s>(?:[^'\\\n]|\\.)*)'|%q\{(?<s>[^}\n]*)\}|%q<(?<s>[^>\n]*)>|%q\((?<s>[^)\n]*)\)|%q\[(?<s>[^\]\n]*)\])""";

    public static (string? Name, string? Version, IReadOnlyList<string> Licenses) Parse(string source)
    {
        var stub = Stub().Match(source);
        var name = Value(NameAssignment().Match(source)) ?? (stub.Success ? stub.Groups["name"].Value : null);
        var version = Value(VersionAssignment().Match(source)) ?? (stub.Success ? stub.Groups["version"].Value : null);
        var licenses = LicenseAssignment().Match(source) is { Success: true } assignment
            ? StringLiteral().Matches(assignment.Groups["value"].Value).Select(Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [];
        return (name, version, licenses);
    }

    private static string? Value(Match match) =>
        match.Success && Unescape(match.Groups["s"].Value).Trim() is { Length: > 0 } value ? value : null;

    private static string Unescape(string value) => value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"^[ \t]*\w+\.name\s*=\s*" + Literal, RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex NameAssignment();

    [GeneratedRegex(@"^[ \t]*\w+\.version\s*=\s*(?:Gem::Version\.new\(\s*)?" + Literal, RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex VersionAssignment();

    [GeneratedRegex(@"^[ \t]*\w+\.licenses?\s*=\s*(?<value>\[[^\]]*\]|" + Literal + ")", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex LicenseAssignment();

    [GeneratedRegex(Literal, RegexOptions.NonBacktracking)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^#\s*stub:\s+(?<name>\S+)\s+(?<version>\S+)", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Stub();
}
