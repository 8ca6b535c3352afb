using System.Globalization;
using Strata.Images;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Strata.Policy.Policies;

/// <summary>
/// The policies to enforce, as <c>strata-policy.yaml</c> names them with their parameters:
/// <code>
/// version: 1            # optional; 1 is the only version
/// policies:
///   non-root-user: {}    # a policy with its defaults: {} or nothing after the colon
///   max-image-size:
///     size: 500MB
/// </code>
/// Only the policies listed are enforced. Reading is strict: an unknown key, policy or parameter, or a value of the
/// wrong type, is an error naming the file, the line and the key. Without a file, <see cref="Default"/>: every
/// built-in policy with its defaults.
/// </summary>
public sealed class PolicySet
{
    /// <summary>The file name looked for in the working folder.</summary>
    public const string FileName = "strata-policy.yaml";

    /// <summary>The largest policy file read: far beyond any real one, and a bound on memory.</summary>
    private const long MaxFileBytes = 1 << 20;

    private PolicySet(IReadOnlyList<IPolicy> policies, string source)
    {
        Policies = policies;
        Source = source;
    }

    /// <summary>Every built-in policy with its default parameters.</summary>
    public static PolicySet Default { get; } = new(
        PolicyCatalog.All.Select(p => p.Read(PolicyParameters.Defaults(p.Name))).ToList(), "the default policies");

    public IReadOnlyList<IPolicy> Policies { get; }

    /// <summary>Where the set came from: the file's path, or "the default policies".</summary>
    public string Source { get; }

    /// <summary>Reads a policy file; a bad one is a StrataException naming the file (as <paramref name="shown"/>, else its path) and the entry.</summary>
    public static PolicySet Load(string path, string? shown = null)
    {
        var name = shown ?? path;
        string text;
        try
        {
            if (!File.Exists(path))
            {
                throw new StrataException($"{name}: no such policy file");
            }
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new StrataException($"{name}: larger than 1 MiB, not a policy file");
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{name}: {e.Message}");
        }
        return Parse(text, name);
    }

    /// <summary>Reads a policy file's text; <paramref name="fileName"/> is what errors name.</summary>
    public static PolicySet Parse(string yaml, string fileName)
    {
        var root = Root(yaml, fileName);
        var policies = new List<IPolicy>();
        YamlMappingNode? entries = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "version":
                    if (value is not YamlScalarNode { Value: "1" })
                    {
                        throw Error(fileName, value, "version", "must be 1, the only version of the policy file");
                    }
                    break;
                case "policies":
                    entries = value as YamlMappingNode
                        ?? throw Error(fileName, value, "policies", "must be a mapping of policy names to their parameters");
                    break;
                default:
                    throw Error(fileName, keyNode, key, "unknown key (known: version, policies)");
            }
        }
        if (entries is null)
        {
            throw new StrataException($"{fileName}: no 'policies' mapping; known policies: {string.Join(", ", PolicyCatalog.Names)}");
        }
        foreach (var (keyNode, value) in entries.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var read = PolicyCatalog.Find(name)
                ?? throw Error(fileName, keyNode, $"policies.{name}", $"unknown policy (known: {string.Join(", ", PolicyCatalog.Names)})");
            var parameters = value switch
            {
                YamlMappingNode mapping => mapping,
                YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain } => null,
                _ => throw Error(fileName, value, $"policies.{name}", "must be a mapping of parameters, {} or empty for the defaults"),
            };
            policies.Add(read(PolicyParameters.From(fileName, name, parameters)));
        }
        // Report order is the catalogue's, whatever the file's.
        var order = PolicyCatalog.Names;
        return new PolicySet(policies.OrderBy(p => order.ToList().IndexOf(p.Name)).ToList(), fileName);
    }

    private static YamlMappingNode Root(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml, fileName);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : e.Message;
            throw new StrataException(string.Create(CultureInfo.InvariantCulture, $"{fileName}:{e.Start.Line}: invalid YAML: {message}"));
        }
        if (stream.Documents.Count == 0)
        {
            throw new StrataException($"{fileName}: empty; it needs a 'policies' mapping");
        }
        if (stream.Documents.Count > 1)
        {
            throw new StrataException($"{fileName}: several YAML documents; a policy file is one");
        }
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(fileName, stream.Documents[0].RootNode, "(top)", "must be a mapping with 'policies'");
    }

    /// <summary>
    /// The document's nesting, read as a flat stream of events before the node tree is built: the tree is built by
    /// recursion, and a file of a few thousand nested brackets would overflow the stack, which no handler can catch.
    /// </summary>
    private static void CheckDepth(string yaml, string fileName)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new StrataException(string.Create(CultureInfo.InvariantCulture,
                            $"{fileName}:{parser.Current.Start.Line}: nested more than {MaxDepth} levels deep, not a policy file"));
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    /// <summary>A policy file is four levels deep (policies, a policy, a parameter, a list); this leaves room and bounds the stack.</summary>
    private const int MaxDepth = 32;

    private static StrataException Error(string fileName, YamlNode node, string key, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{fileName}:{node.Start.Line}: {key}: {message}"));
}
