namespace Strata.Analysis.Dockerfiles;

/// <summary>
/// Finds the Dockerfile instruction behind each layer's created_by. Only the final stage builds the image's own
/// layers, so it is searched; layers are matched in order (a layer's instruction comes after the previous layer's),
/// so repeated identical instructions land on the right lines. A created_by is matched first by its text
/// (<see cref="DockerfileText"/>, white space collapsed), then without <c>--flags</c>, then for COPY and ADD by the
/// keyword and the destination (the classic builder writes <c>COPY file:&lt;hash&gt; in /dest</c>). A layer with
/// no matching instruction, such as one of the base image's, is placed at the final stage's FROM.
/// </summary>
public sealed class DockerfileLines
{
    private readonly IReadOnlyList<DockerfileInstruction> finalStage;

    public DockerfileLines(string dockerfileText)
    {
        var instructions = DockerfileParser.Parse(dockerfileText);
        var last = instructions.Count == 0 ? 0 : instructions.Max(i => i.Stage);
        finalStage = instructions.Where(i => i.Stage == last).ToList();
        From = finalStage.FirstOrDefault(i => i.Keyword == "FROM") ?? finalStage.FirstOrDefault();
    }

    /// <summary>The final stage's FROM (or the first instruction), where unmatched layers go; null for an empty file.</summary>
    public DockerfileInstruction? From { get; }

    /// <summary>For each layer index given (with its created_by), the instruction it came from, or <see cref="From"/>.</summary>
    public IReadOnlyDictionary<int, DockerfileInstruction?> Locate(IEnumerable<(int Layer, string? CreatedBy)> layers)
    {
        var located = new Dictionary<int, DockerfileInstruction?>();
        var cursor = 0;
        foreach (var (layer, createdBy) in layers.DistinctBy(l => l.Layer).OrderBy(l => l.Layer))
        {
            var found = Find(createdBy, cursor) ?? Find(createdBy, 0);
            if (found is { } index)
            {
                located[layer] = finalStage[index];
                cursor = index + 1;
            }
            else
            {
                located[layer] = From;
            }
        }
        return located;
    }

    private int? Find(string? createdBy, int from)
    {
        if (string.IsNullOrWhiteSpace(createdBy))
        {
            return null;
        }
        var text = DockerfileParser.Collapse(WithoutBuildArguments(DockerfileText.From(createdBy)));
        var keyword = Keyword(text);
        Func<DockerfileInstruction, bool>[] tiers =
        [
            i => string.Equals(i.Text, text, StringComparison.Ordinal),
            i => string.Equals(WithoutFlags(i.Text), WithoutFlags(text), StringComparison.Ordinal),
            i => keyword is "COPY" or "ADD" && i.Keyword == keyword && Destination(i.Arguments) is { } d && d == Destination(text[keyword.Length..].Trim()),
        ];
        foreach (var matches in tiers)
        {
            for (var i = from; i < finalStage.Count; i++)
            {
                if (finalStage[i].Keyword != "FROM" && matches(finalStage[i]))
                {
                    return i;
                }
            }
        }
        return null;
    }

    private static string Keyword(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? text : text[..space]).ToUpperInvariant();
    }

    /// <summary>BuildKit writes build arguments a RUN saw before its command: <c>RUN |2 A=1 B=2 /bin/sh -c …</c>.</summary>
    private static string WithoutBuildArguments(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "RUN" || !words[1].StartsWith('|') || !int.TryParse(words[1][1..], out var count) || count < 0 || words.Length < 2 + count)
        {
            return text;
        }
        return DockerfileText.From(string.Join(' ', words.Skip(2 + count)));
    }

    private static string WithoutFlags(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>The last argument of COPY/ADD, or what follows <c> in </c> in the classic builder's form; trailing '/' ignored.</summary>
    private static string? Destination(string arguments)
    {
        var inAt = arguments.LastIndexOf(" in ", StringComparison.Ordinal);
        var words = (inAt >= 0 && (arguments.StartsWith("file:", StringComparison.Ordinal) || arguments.StartsWith("dir:", StringComparison.Ordinal) || arguments.StartsWith("multi:", StringComparison.Ordinal))
            ? arguments[(inAt + 4)..]
            : arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[^1].StartsWith('['))
        {
            return null;
        }
        var destination = words[^1].TrimEnd('/');
        return destination.Length == 0 ? "/" : destination;
    }
}
