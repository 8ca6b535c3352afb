using Strata.Analysis.Yaml;
using Strata.Images;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Cli.Explore;

/// <summary>
/// The explorer's keys and colours from <c>$XDG_CONFIG_HOME/strata/config.yaml</c> (else <c>~/.config/strata/config.yaml</c>):
/// <code>
/// explore:
///   keys:
///     filter: ctrl+f
///     quit: [q, ctrl+c]
///   colors:
///     added: green
/// </code>
/// A missing file means the defaults; anything the file gets wrong is an error naming the file and the key.
/// </summary>
public sealed record ExplorerConfig(KeyMap Keys, ExplorerColors Colors)
{
    /// <summary>Far deeper than the format ever nests; a bound on the recursion of YamlDotNet\'s tree.</summary>
    private const int MaxDepth = 32;

    public static ExplorerConfig Default => new(new KeyMap(), new ExplorerColors());

    /// <summary>The config file's path for this environment, or null when neither XDG_CONFIG_HOME nor HOME is set.</summary>
    public static string? PathFor(Func<string, string?> environment)
    {
        if (environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "strata", "config.yaml");
        }
        return environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "strata", "config.yaml") : null;
    }

    public static ExplorerConfig Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return Default;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{path}: cannot be read: {e.Message}");
        }
        return Parse(text, path);
    }

    public static ExplorerConfig Parse(string yaml, string fileName)
    {
        YamlDepth.Check(yaml, fileName, MaxDepth, "an explorer config");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new StrataException($"{fileName}: invalid YAML at line {e.Start.Line}: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("explore"), out var exploreNode))
        {
            return Default;
        }
        var explore = Mapping(exploreNode, fileName, "explore");
        var overrides = new Dictionary<ExplorerAction, IReadOnlyList<Key>>();
        var colors = new ExplorerColors();
        foreach (var (keyNode, valueNode) in explore.Children)
        {
            var section = Scalar(keyNode, fileName, "explore");
            switch (section)
            {
                case "keys":
                    foreach (var (name, value) in Mapping(valueNode, fileName, "explore.keys").Children)
                    {
                        var actionName = Scalar(name, fileName, "explore.keys");
                        var where = $"explore.keys.{actionName}";
                        var action = KeyMap.Defaults.FirstOrDefault(d => d.Name == actionName);
                        if (action.Name is null)
                        {
                            throw new StrataException(
                                $"{fileName}: {where}: unknown action (known: {string.Join(", ", KeyMap.Defaults.Select(d => d.Name))})");
                        }
                        overrides[action.Action] = KeyList(value, fileName, where);
                    }
                    break;
                case "colors":
                    foreach (var (name, value) in Mapping(valueNode, fileName, "explore.colors").Children)
                    {
                        var colorName = Scalar(name, fileName, "explore.colors");
                        var where = $"explore.colors.{colorName}";
                        if (!ExplorerColors.Names.Contains(colorName))
                        {
                            throw new StrataException($"{fileName}: {where}: unknown colour (known: {string.Join(", ", ExplorerColors.Names)})");
                        }
                        colors = colors.With(colorName, Color(Scalar(value, fileName, where), fileName, where));
                    }
                    break;
                default:
                    throw new StrataException($"{fileName}: explore.{section}: unknown setting (known: keys, colors)");
            }
        }
        return new ExplorerConfig(new KeyMap(overrides), colors);
    }

    private static IReadOnlyList<Key> KeyList(YamlNode node, string fileName, string where)
    {
        var names = node is YamlSequenceNode list
            ? list.Children.Select(n => Scalar(n, fileName, where)).ToList()
            : [Scalar(node, fileName, where)];
        if (names.Count == 0)
        {
            throw new StrataException($"{fileName}: {where}: needs at least one key");
        }
        return [.. names.Select(n => KeyName.Parse(n, out var error) ?? throw new StrataException($"{fileName}: {where}: {error}"))];
    }

    private static Color Color(string text, string fileName, string where) =>
        Terminal.Gui.Drawing.Color.TryParse(text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), out Color? color)
        && color is { } parsed
            ? parsed
            : throw new StrataException($"{fileName}: {where}: '{text}' is not a colour (write a name such as green or bright-red, or #rrggbb)");

    private static YamlMappingNode Mapping(YamlNode node, string fileName, string where) =>
        node as YamlMappingNode ?? throw new StrataException($"{fileName}: {where}: must be a mapping (line {node.Start.Line})");

    private static string Scalar(YamlNode node, string fileName, string where) =>
        (node as YamlScalarNode)?.Value ?? throw new StrataException($"{fileName}: {where}: must be a single value (line {node.Start.Line})");
}
