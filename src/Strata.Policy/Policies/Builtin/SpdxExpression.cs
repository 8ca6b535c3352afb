using System.Text.RegularExpressions;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// Whether an SPDX licence expression obliges its user to accept a denied licence: a plain ID does when denied;
/// <c>A AND B</c> when either does; <c>A OR B</c> only when both do (the user may pick the other); <c>ID WITH
/// exception</c> as its ID. IDs compare without case, with the deprecated forms read as SPDX 3 reads them
/// (<c>AGPL-3.0</c> is <c>AGPL-3.0-only</c>, <c>AGPL-3.0+</c> is <c>AGPL-3.0-or-later</c>) and Debian's short
/// names too (<c>AGPL-3+</c>). Text that is not an expression is compared whole.
/// </summary>
public static partial class SpdxExpression
{
    /// <summary>The denied IDs the expression obliges, empty when it obliges none (or offers a way around each).</summary>
    public static IReadOnlyList<string> DeniedIn(string expression, IReadOnlySet<string> denied)
    {
        var tokens = Tokens().Matches(expression).Select(m => m.Value).ToList();
        var parser = new Parser(tokens);
        var result = parser.Parse(denied);
        return parser.Complete ? result ?? [] : denied.Contains(Normalize(expression.Trim())) ? [Normalize(expression.Trim())] : [];
    }

    /// <summary>The canonical SPDX 3 form of an ID, upper-cased, for comparing.</summary>
    public static string Normalize(string id)
    {
        var gnu = GnuShortName().Match(id);
        if (gnu.Success)
        {
            var version = gnu.Groups["version"].Value;
            var full = version.Contains('.', StringComparison.Ordinal) ? version : version + ".0";
            var suffix = gnu.Groups["later"].Success ? "-or-later" : "-only";
            return $"{gnu.Groups["family"].Value}-{full}{suffix}".ToUpperInvariant();
        }
        return id.EndsWith('+') ? id[..^1].ToUpperInvariant() + "-OR-LATER" : id.ToUpperInvariant();
    }

    [GeneratedRegex(@"\(|\)|[^\s()]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(?<family>A?GPL|LGPL)-(?<version>\d(\.\d)?)(?<later>\+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GnuShortName();

    /// <summary>Recursive descent over OR (loosest), AND, WITH and parentheses; depth is bounded by the text.</summary>
    private sealed class Parser(List<string> tokens)
    {
        private const int MaxDepth = 64;
        private int position;
        private bool failed;

        public bool Complete => !failed && position == tokens.Count && tokens.Count > 0;

        /// <summary>Null when it obliges nothing denied.</summary>
        public List<string>? Parse(IReadOnlySet<string> denied) => Or(denied, 0);

        private List<string>? Or(IReadOnlySet<string> denied, int depth)
        {
            var result = And(denied, depth);
            while (Next("OR"))
            {
                var other = And(denied, depth);
                result = result is not null && other is not null ? [.. result, .. other] : null;
            }
            return result;
        }

        private List<string>? And(IReadOnlySet<string> denied, int depth)
        {
            var result = Term(denied, depth);
            while (Next("AND"))
            {
                var other = Term(denied, depth);
                result = result is null ? other : other is null ? result : [.. result, .. other];
            }
            return result;
        }

        private List<string>? Term(IReadOnlySet<string> denied, int depth)
        {
            if (position >= tokens.Count || depth > MaxDepth)
            {
                failed = true;
                return null;
            }
            if (tokens[position] == "(")
            {
                position++;
                var inner = Or(denied, depth + 1);
                if (!Next(")"))
                {
                    failed = true;
                }
                return inner;
            }
            var id = Normalize(tokens[position++]);
            if (Next("WITH"))
            {
                position++;
            }
            return denied.Contains(id) ? [id] : null;
        }

        private bool Next(string word)
        {
            if (position < tokens.Count && string.Equals(tokens[position], word, StringComparison.OrdinalIgnoreCase))
            {
                position++;
                return true;
            }
            return false;
        }
    }
}
