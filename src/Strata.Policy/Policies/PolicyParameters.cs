using System.Globalization;
using Strata.Analysis.Gate;
using Strata.Images;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;
using YamlDotNet.RepresentationModel;

namespace Strata.Policy.Policies;

/// <summary>
/// One policy's parameters as the policy file gives them, read strictly: each read names its key and the type it
/// wants, a wrong type is an error naming the file, line and key, and <see cref="Finish"/> rejects any key no read
/// asked for. Without a file (the default set) every read returns its default.
/// </summary>
public sealed class PolicyParameters
{
    private readonly string file;
    private readonly string policy;
    private readonly YamlMappingNode? mapping;
    private readonly List<string> known = [];

    private PolicyParameters(string file, string policy, YamlMappingNode? mapping)
    {
        this.file = file;
        this.policy = policy;
        this.mapping = mapping;
    }

    /// <summary>No file: every parameter at its default.</summary>
    public static PolicyParameters Defaults(string policy) => new("", policy, null);

    public static PolicyParameters From(string file, string policy, YamlMappingNode? mapping) => new(file, policy, mapping);

    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> fallback)
    {
        if (Node(key) is not { } node)
        {
            return fallback;
        }
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, key, "must be a list, such as [a, b]");
        }
        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                throw Error(item, key, "each item must be a non-empty text value");
            }
            values.Add(value.Trim());
        }
        return values;
    }

    public long Size(string key, long fallback)
    {
        if (Scalar(key, "a size such as 500MB or 1.5GiB") is not var (node, text))
        {
            return fallback;
        }
        try
        {
            return ByteSize.Parse(text, "size");
        }
        catch (Exception e) when (e is StrataException or OverflowException)
        {
            throw Error(node, key, $"'{text}' is not a size (such as 500MB, 1.5GiB or 4096)");
        }
    }

    public double Ratio(string key, double fallback)
    {
        if (Scalar(key, "a ratio from 0 to 1") is not var (node, text))
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw Error(node, key, $"'{text}' is not a ratio from 0 to 1 (such as 0.9)");
    }

    public int WholeNumber(string key, int fallback, int max)
    {
        if (Scalar(key, "a whole number") is not var (node, text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw Error(node, key, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a whole number from 0 to {max}"));
    }

    public bool Flag(string key, bool fallback)
    {
        if (Scalar(key, "true or false") is not var (node, text))
        {
            return fallback;
        }
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, key, $"'{text}' is not true or false"),
        };
    }

    /// <summary>A severity threshold: the named severity and every one above it.</summary>
    public SeverityLevel Severity(string key, SeverityLevel fallback)
    {
        if (Scalar(key, "a severity") is not var (node, text))
        {
            return fallback;
        }
        return SeverityNames.Parse(text) ?? throw Error(node, key, $"'{text}' is not one of {string.Join(", ", SeverityNames.All)}");
    }

    public IReadOnlySet<SeverityLevel> Severities(string key, IReadOnlySet<SeverityLevel> fallback)
    {
        var words = Strings(key, []);
        if (Node(key) is not { } node)
        {
            return fallback;
        }
        if (words.Count == 0)
        {
            throw Error(node, key, "must name at least one severity");
        }
        return words.Select(w => SeverityNames.Parse(w) ?? throw Error(node, key, $"'{w}' is not one of {string.Join(", ", SeverityNames.All)}")).ToHashSet();
    }

    /// <summary>Every key was asked for: anything else in the entry is a mistake (a typo would silently keep a default).</summary>
    public void Finish()
    {
        if (mapping is null)
        {
            return;
        }
        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                var choices = known.Count == 0 ? "it takes no parameters" : $"known: {string.Join(", ", known)}";
                throw Error(keyNode, key, $"unknown parameter ({choices})");
            }
        }
    }

    private YamlNode? Node(string key)
    {
        if (!known.Contains(key, StringComparer.Ordinal))
        {
            known.Add(key);
        }
        if (mapping is null || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }
        // "key:" with nothing after it is YAML's null: the default, as if the key were absent.
        return node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : node;
    }

    private (YamlNode Node, string Text)? Scalar(string key, string wanted)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }
        return node is YamlScalarNode { Value: { } value }
            ? (node, value.Trim())
            : throw Error(node, key, $"must be {wanted}, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
    }

    private StrataException Error(YamlNode node, string key, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}:{node.Start.Line}: policies.{policy}.{key}: {message}"));
}
