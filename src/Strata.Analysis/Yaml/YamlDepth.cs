using System.Globalization;
using Strata.Images;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Strata.Analysis.Yaml;

/// <summary>
/// A YAML file's nesting, read as a flat stream of events before YamlDotNet builds its node tree: the tree is built by
/// recursion, and a file of a few thousand nested brackets would overflow the stack, which no handler can catch.
/// </summary>
public static class YamlDepth
{
    /// <summary>Throws, naming the file and line, when the text nests deeper than <paramref name="maxDepth"/>; a YAML syntax error is left to the caller's load.</summary>
    public static void Check(string yaml, string fileName, int maxDepth, string what)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > maxDepth)
                        {
                            throw new StrataException(string.Create(CultureInfo.InvariantCulture,
                                $"{fileName}:{parser.Current.Start.Line}: nested more than {maxDepth} levels deep, not {what}"));
                        }
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // The load that follows reports the syntax error with its own wording.
        }
    }
}
