using System.Globalization;
using Strata.Analysis.Yaml;
using Strata.Images;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Analysis.Gate;

/// <summary>Reads a <c>.dive-ci</c> file (dive's format, plus Strata's dead-byte rules) into thresholds.</summary>
public static class DiveCiConfig
{
    /// <summary>Far deeper than the format ever nests; a bound on the recursion of YamlDotNet\'s tree.</summary>
    private const int MaxDepth = 32;

    private const string Disabled = "disabled";

    public static GateThresholds Parse(string yaml, string fileName)
    {
        YamlDepth.Check(yaml, fileName, MaxDepth, "a .dive-ci file");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new StrataException($"{fileName}: invalid YAML at line {e.Start.Line}: {e.Message}");
        }
        var thresholds = new GateThresholds();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return thresholds;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode))
        {
            return thresholds;
        }
        if (rulesNode is not YamlMappingNode rules)
        {
            throw new StrataException($"{fileName}: 'rules' must be a mapping");
        }
        foreach (var (keyNode, valueNode) in rules.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var value = (valueNode as YamlScalarNode)?.Value?.Trim()
                ?? throw new StrataException($"{fileName}: rules.{key} must be a value");
            var where = $"{fileName}: rules.{key}";
            thresholds = key switch
            {
                "lowestEfficiency" => thresholds with { LowestEfficiency = Ratio(value, where) },
                "highestWastedBytes" => thresholds with { HighestWastedBytes = Size(value, where) },
                "highestUserWastedPercent" => thresholds with { HighestUserWastedPercent = Ratio(value, where) },
                "highestDeadBytes" => thresholds with { HighestDeadBytes = Size(value, where) },
                "highestDeadPercent" => thresholds with { HighestDeadPercent = Ratio(value, where) },
                _ => throw new StrataException(
                    $"{where}: unknown rule (known: lowestEfficiency, highestWastedBytes, highestUserWastedPercent, highestDeadBytes, highestDeadPercent)"),
            };
        }
        return thresholds;
    }

    public static double? Ratio(string value, string where)
    {
        if (value.Equals(Disabled, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new StrataException($"{where}: '{value}' is not a ratio between 0 and 1 (or 'disabled')");
        }
        return ratio;
    }

    public static long? Size(string value, string where) =>
        value.Equals(Disabled, StringComparison.OrdinalIgnoreCase) ? null : ByteSize.Parse(value, where);
}
