using System.Text;
using System.Text.RegularExpressions;
using Strata.Sbom.Output.Licenses;

namespace Strata.Sbom.Catalogers.Debian;

/// <summary>
/// Debian's licence short names (copyright-format 1.0, "License specification") as SPDX expressions: <c>GPL-2+</c> is
/// <c>GPL-2.0-or-later</c>, <c>Expat</c> is <c>MIT</c>, <c>BSD-3</c> is <c>BSD-3-Clause</c>, <c>MPL-2</c> is
/// <c>MPL-2.0</c>, <c>GPL-3+ with Bison exception</c> is <c>GPL-3.0-or-later WITH Bison-exception-2.2</c>. Only a
/// name with no SPDX identifier becomes a <c>LicenseRef-</c>.
/// </summary>
internal static partial class DebianLicenseNames
{
    /// <summary>Debian spellings that are neither the SPDX identifier itself nor a pattern below.</summary>
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Expat"] = "MIT", ["Apache"] = "Apache-2.0", ["Boost"] = "BSL-1.0", ["Boost-1.0"] = "BSL-1.0", ["BSL"] = "BSL-1.0",
        ["Artistic"] = "Artistic-1.0-Perl", ["Perl"] = "Artistic-1.0-Perl OR GPL-1.0-or-later",
        ["CC0"] = "CC0-1.0", ["PSF-2"] = "PSF-2.0", ["Python"] = "Python-2.0", ["Unicode"] = "Unicode-DFS-2016",
        ["GPL"] = "GPL-1.0-or-later", ["LGPL"] = "LGPL-2.0-or-later", ["GFDL"] = "GFDL-1.1-or-later", ["GFDL-NIV"] = "GFDL-1.1-no-invariants-or-later",
        ["Zope"] = "ZPL-2.1", ["OpenLDAP"] = "OLDAP-2.8", ["ISC-style"] = "ISC",
    };

    /// <summary>The longest value read as licence names; a longer one is text, and its nesting is not followed.</summary>
    private const int MaxExpressionLength = 256;

    /// <summary>The exceptions Debian names in <c>LICENCE with NAME exception</c>, by the GNU licence's major version.</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bison"] = "Bison-exception-2.2", ["Bison-2.2"] = "Bison-exception-2.2", ["Classpath"] = "Classpath-exception-2.0",
        ["Linux-syscall-note"] = "Linux-syscall-note", ["Texinfo"] = "Texinfo-exception", ["Font"] = "Font-exception-2.0",
        ["Autoconf-2"] = "Autoconf-exception-2.0", ["Autoconf-3"] = "Autoconf-exception-3.0",
        ["GCC-2"] = "GCC-exception-2.0", ["GCC-3"] = "GCC-exception-3.1", ["Libtool"] = "Libtool-exception",
    };

    /// <summary>
    /// A <c>License:</c> value's first line as the licences that all apply: the operands of its top-level
    /// <c>and</c> (each once), or the whole expression when it is a choice.
    /// </summary>
    public static IReadOnlyList<string> Terms(string debian) => debian.Length > MaxExpressionLength ? [] : IsOneName(debian) ? [Term(debian)] : Parse(debian) switch
    {
        null => [],
        Junction { Operator: "AND" } all => all.Operands.Select(o => o.Render(inner: false)).ToList(),
        var node => [node.Render(inner: false)],
    };

    /// <summary><c>GPL-1+ or Artistic</c> → <c>GPL-1.0-or-later OR Artistic-1.0-Perl</c>; null when there is no name.</summary>
    public static string? ToSpdx(string debian) => debian.Length > MaxExpressionLength ? null : Parse(debian)?.Render(inner: false);

    /// <summary>
    /// Copyright-format 1.0: <c>and</c> binds tighter than <c>or</c>, and a comma closes everything before it, so
    /// <c>GPL-2+ or Artistic, and BSD-3-clause</c> is <c>(GPL-2+ or Artistic) and BSD-3-clause</c>. A comma with
    /// no operator after it lists licences that all apply.
    /// </summary>
    private static Node? Parse(string debian)
    {
        Node? whole = null;
        // "LGPLv3+_or_GPLv2+" is written with underscores for spaces now and then.
        var spaced = debian.Replace("_or_", " or ", StringComparison.OrdinalIgnoreCase).Replace("_and_", " and ", StringComparison.OrdinalIgnoreCase);
        foreach (var segment in spaced.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = segment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            var op = "AND";
            if (whole is not null && words.Count > 0 && IsOperator(words[0]))
            {
                op = words[0].ToUpperInvariant();
                words.RemoveAt(0);
            }
            if (Choice(words) is not { } node)
            {
                continue;
            }
            whole = whole is null ? node : Junction.Of(op, [whole, node]);
        }
        return whole;
    }

    private static Node? Choice(List<string> words)
    {
        var options = Split(words, "or").Select(o => Junction.Of("AND", Split(o, "and").Where(t => t.Count > 0).Select(t => (Node)new Leaf(Term(string.Join(' ', t)))).ToList())).ToList();
        var present = options.Where(o => o is not null).Cast<Node>().ToList();
        return Junction.Of("OR", present);
    }

    private static List<List<string>> Split(List<string> words, string op)
    {
        var parts = new List<List<string>> { new() };
        foreach (var word in words)
        {
            if (word.Equals(op, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(word);
            }
        }
        return parts;
    }

    /// <summary>Most values are one name: read without the expression machinery (a file may hold thousands).</summary>
    private static bool IsOneName(string debian) =>
        debian.Length > 0 && !debian.AsSpan().ContainsAny(" \t,_") && !IsOperator(debian);

    private static bool IsOperator(string word) => word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);

    /// <summary>One licence name (possibly <c>NAME with EXCEPTION exception</c>) as an SPDX term.</summary>
    public static string Term(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith("license", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("licence", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = LicenceSuffix().Replace(trimmed, "");
        }
        if (!trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return Listed(trimmed) ?? Reference(trimmed);
        }
        var with = WithException().Match(trimmed);
        if (with.Success && Listed(with.Groups["license"].Value) is { } license && Exception(with.Groups["exception"].Value, license) is { } exception)
        {
            return $"{license} WITH {exception}";
        }
        return Listed(trimmed) ?? Reference(trimmed);
    }

    /// <summary>The SPDX identifier (or expression) for a plain Debian name, or null when the SPDX list has none.</summary>
    private static string? Listed(string name)
    {
        if (Named.TryGetValue(name, out var named))
        {
            return named;
        }
        var gnu = name.Contains("GPL", StringComparison.OrdinalIgnoreCase) || name.StartsWith("GFDL", StringComparison.OrdinalIgnoreCase) ? GnuLicense().Match(name) : Match.Empty;
        if (gnu.Success)
        {
            var version = gnu.Groups["version"].Value;
            var family = gnu.Groups["family"].Value.ToUpperInvariant();
            var niv = gnu.Groups["niv"].Success ? "-no-invariants" : "";
            var id = $"{family}-{(version.Contains('.', StringComparison.Ordinal) ? version : version + ".0")}{niv}";
            return SpdxLicenseList.TryLicense(id + "-only", out _) ? $"{id}-{(gnu.Groups["later"].Success ? "or-later" : "only")}" : null;
        }
        var bsd = name.StartsWith("BSD-", StringComparison.OrdinalIgnoreCase) ? BsdClauses().Match(name) : Match.Empty;
        if (bsd.Success)
        {
            name = $"BSD-{bsd.Groups["clauses"].Value}-Clause{bsd.Groups["variant"].Value}";
        }
        if (SpdxLicenseList.TryLicense(name, out var canonical))
        {
            return canonical;
        }
        // MPL-2, Apache-2, CC-BY-SA-3: the list writes the version with its minor number.
        return name.Length > 0 && char.IsAsciiDigit(name[^1]) && MajorOnly().IsMatch(name) && SpdxLicenseList.TryLicense(name + ".0", out var withMinor) ? withMinor : null;
    }

    private static string? Exception(string name, string license)
    {
        var major = GnuMajor().Match(license) is { Success: true } m ? m.Groups[1].Value : "";
        if (Exceptions.TryGetValue(name, out var id) || Exceptions.TryGetValue($"{name}-{major}", out id))
        {
            return id;
        }
        return SpdxLicenseList.TryException(name + "-exception", out var listed) || SpdxLicenseList.TryException(name, out listed) ? listed : null;
    }

    private static string Reference(string name)
    {
        var reference = new StringBuilder("LicenseRef-");
        foreach (var c in name)
        {
            reference.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : c == '+' ? "-plus" : "-");
        }
        return reference.ToString();
    }

    /// <summary>GPL-2, GPL-2+, GPLv3+, GPL-2.0, LGPL-2.1+, AGPL-3, GFDL-1.3+, GFDL-NIV-1.3+.</summary>
    [GeneratedRegex(@"^(?<family>A?GPL|LGPL|GFDL)(?<niv>-NIV)?(-|v|-v)?(?<version>[1-3](\.[0-9])?)(?<later>\+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GnuLicense();

    /// <summary>BSD-2, BSD-3-clause, BSD-4-clause-UC.</summary>
    [GeneratedRegex(@"^BSD-(?<clauses>[1-4])(-clause)?(?<variant>-.+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BsdClauses();

    [GeneratedRegex(@"-[0-9]+$")]
    private static partial Regex MajorOnly();

    [GeneratedRegex(@"^(?<license>\S+)\s+with\s+(?<exception>\S+)(\s+exception)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WithException();

    [GeneratedRegex(@"\s+licen[cs]e$", RegexOptions.IgnoreCase)]
    private static partial Regex LicenceSuffix();

    [GeneratedRegex(@"^A?L?GPL-([0-9])")]
    private static partial Regex GnuMajor();

    private abstract record Node
    {
        /// <summary>The expression; <paramref name="inner"/> when it is an operand (an OR inside AND is bracketed).</summary>
        public abstract string Render(bool inner);
    }

    private sealed record Leaf(string Spdx) : Node
    {
        // A mapped name may itself be a choice (Perl's "Artistic or GPL").
        public override string Render(bool inner) => inner && Spdx.Contains(" OR ", StringComparison.Ordinal) ? $"({Spdx})" : Spdx;
    }

    private sealed record Junction(string Operator, IReadOnlyList<Node> Operands) : Node
    {
        /// <summary>Nested junctions of the same operator flattened, repeated operands dropped; one operand stands alone.</summary>
        public static Node? Of(string op, IReadOnlyList<Node> operands)
        {
            var flat = new List<Node>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operand in operands.SelectMany(o => o is Junction j && j.Operator == op ? j.Operands : [o]))
            {
                if (seen.Add(operand.Render(inner: true)))
                {
                    flat.Add(operand);
                }
            }
            return flat.Count switch
            {
                0 => null,
                1 => flat[0],
                _ => new Junction(op, flat),
            };
        }

        public override string Render(bool inner)
        {
            var text = string.Join($" {Operator} ", Operands.Select(o => o.Render(inner: true)));
            return inner ? $"({text})" : text;
        }
    }
}
