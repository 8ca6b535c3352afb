using System.Text;

namespace Strata.Sbom.Output.Licenses;

/// <summary>What a declared licence string turned out to be.</summary>
internal enum LicenseKind
{
    /// <summary>One identifier from the SPDX licence list.</summary>
    Id,

    /// <summary>A valid SPDX expression: operators, <c>+</c>, <c>WITH</c>, or <c>LicenseRef-</c> references.</summary>
    Expression,

    /// <summary>Anything else: a licence name or free text.</summary>
    Name,
}

/// <summary>A declared licence string read as an SPDX licence expression (SPDX 2.3 annex D).</summary>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Text">The identifier or the normalised expression; for a name, the string as declared (trimmed).</param>
/// <param name="Disjunction">An expression whose top level is OR (it needs parentheses as an operand of AND).</param>
internal sealed record LicenseExpression(LicenseKind Kind, string Text, bool Disjunction)
{
    /// <summary>
    /// Reads <paramref name="declared"/>: identifiers are matched case-insensitively and written as the list spells them,
    /// operators are upper-cased, and an identifier the list lacks becomes the <c>LicenseRef-</c> that
    /// <paramref name="referenceFor"/> gives for it (a string that is one unknown word stays a name).
    /// </summary>
    public static LicenseExpression Parse(string declared, Func<string, string> referenceFor)
    {
        var text = declared.Trim();
        var tokens = Tokenize(text);
        if (tokens is null || tokens.Count == 0)
        {
            return new LicenseExpression(LicenseKind.Name, text, false);
        }
        var parser = new Parser(tokens);
        if (parser.ParseAll() is not { } node)
        {
            return new LicenseExpression(LicenseKind.Name, text, false);
        }
        return node switch
        {
            Leaf { Source: LeafSource.Listed, Plus: false } single => new LicenseExpression(LicenseKind.Id, single.Id, false),
            Leaf { Source: LeafSource.Unknown } => new LicenseExpression(LicenseKind.Name, text, false),
            _ => new LicenseExpression(LicenseKind.Expression, node.Render(referenceFor), node is Junction { Operator: "OR" }),
        };
    }

    /// <summary>This expression as an operand of AND.</summary>
    public string AsOperand() => Disjunction ? $"({Text})" : Text;

    private static List<string>? Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                Flush();
                if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                }
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or ':')
            {
                current.Append(c);
            }
            else
            {
                return null;
            }
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private enum LeafSource
    {
        Listed,
        Reference,
        Unknown,
    }

    /// <summary>A parsed expression; unknown identifiers get their <c>LicenseRef-</c> only when it is rendered.</summary>
    private abstract record Node
    {
        public abstract string Render(Func<string, string> referenceFor);
    }

    private sealed record Leaf(string Id, bool Plus, LeafSource Source) : Node
    {
        public override string Render(Func<string, string> referenceFor) =>
            Source == LeafSource.Unknown ? referenceFor(Id) : Plus ? Id + "+" : Id;
    }

    private sealed record With(Leaf License, string Exception) : Node
    {
        public override string Render(Func<string, string> referenceFor) => $"{License.Render(referenceFor)} WITH {Exception}";
    }

    /// <summary>AND or OR; written with parentheses only where they matter (an OR operand of AND).</summary>
    private sealed record Junction(string Operator, IReadOnlyList<Node> Operands) : Node
    {
        public override string Render(Func<string, string> referenceFor) => string.Join(
            $" {Operator} ",
            Operands.Select(o => o is Junction { Operator: "OR" } j && Operator == "AND" ? $"({j.Render(referenceFor)})" : o.Render(referenceFor)));
    }

    /// <summary>
    /// Recursive descent: OR binds loosest, then AND, then WITH. Parentheses nested deeper than any real licence
    /// needs make the string a name, so that package metadata of a million <c>(</c> cannot overflow the stack.
    /// </summary>
    private sealed class Parser(List<string> tokens)
    {
        private const int MaxNesting = 64;

        private int _position;
        private int _nesting;

        public Node? ParseAll()
        {
            var node = ParseJunction("OR");
            return node is not null && _position == tokens.Count ? node : null;
        }

        private Node? ParseJunction(string op)
        {
            var operands = new List<Node>();
            do
            {
                var operand = op == "OR" ? ParseJunction("AND") : ParseWith();
                if (operand is null)
                {
                    return null;
                }
                operands.Add(operand);
            }
            while (Accept(op));
            return operands.Count == 1 ? operands[0] : new Junction(op, operands);
        }

        private Node? ParseWith()
        {
            if (Accept("("))
            {
                if (++_nesting > MaxNesting)
                {
                    return null;
                }
                var inner = ParseJunction("OR");
                _nesting--;
                return inner is not null && Accept(")") ? inner : null;
            }
            if (Next() is not { } token || IsOperator(token) || token is "(" or ")" || ParseLeaf(token) is not { } leaf)
            {
                return null;
            }
            if (!Accept("WITH"))
            {
                return leaf;
            }
            return Next() is { } exception && SpdxLicenseList.TryException(exception, out var canonical) && leaf.Source == LeafSource.Listed
                ? new With(leaf, canonical)
                : null;
        }

        private Leaf? ParseLeaf(string token)
        {
            if (token.StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase) || token.StartsWith("DocumentRef-", StringComparison.OrdinalIgnoreCase))
            {
                return IsReference(token) ? new Leaf(token, false, LeafSource.Reference) : null;
            }
            if (token.Contains(':', StringComparison.Ordinal) || token.Trim('+').Length == 0 || token.TrimEnd('+').Contains('+', StringComparison.Ordinal))
            {
                return null;
            }
            if (SpdxLicenseList.TryLicense(token, out var whole))
            {
                return new Leaf(whole, false, LeafSource.Listed);
            }
            var plus = token.EndsWith('+');
            if (plus && SpdxLicenseList.TryLicense(token[..^1], out var id))
            {
                return new Leaf(id, true, LeafSource.Listed);
            }
            return new Leaf(token, false, LeafSource.Unknown);
        }

        private static bool IsReference(string token)
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var license = colon < 0 ? token : token[(colon + 1)..];
            return license.StartsWith("LicenseRef-", StringComparison.Ordinal) && license.Length > "LicenseRef-".Length
                && (colon < 0 || token.StartsWith("DocumentRef-", StringComparison.Ordinal))
                && !token.Contains('+', StringComparison.Ordinal)
                && token.Count(c => c == ':') <= 1;
        }

        private static bool IsOperator(string token) =>
            token.Equals("AND", StringComparison.OrdinalIgnoreCase)
            || token.Equals("OR", StringComparison.OrdinalIgnoreCase)
            || token.Equals("WITH", StringComparison.OrdinalIgnoreCase);

        private string? Next() => _position < tokens.Count ? tokens[_position++] : null;

        private bool Accept(string expected)
        {
            if (_position < tokens.Count && tokens[_position].Equals(expected, StringComparison.OrdinalIgnoreCase))
            {
                _position++;
                return true;
            }
            return false;
        }
    }
}
