namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads one instruction's logical line: the keyword (checked against the reference), the flags, the arguments, the
/// exec form, the shell words, the names ARG/ENV/LABEL set, the heredoc markers and ONBUILD's inner instruction.
/// </summary>
internal sealed class InstructionReader(string source, char escape, SourcePositions positions, Func<int, string, Exception> error)
{
    public InstructionParts Read(LogicalText logical, int start, int end, bool insideOnBuild = false)
    {
        while (start < end && char.IsWhiteSpace(logical[start]))
        {
            start++;
        }
        var keywordEnd = start;
        while (keywordEnd < end && !IsSeparator(logical[keywordEnd]))
        {
            keywordEnd++;
        }
        var written = logical.Slice(start, keywordEnd);
        var keyword = written.ToUpperInvariant();
        if (written.Length == 0)
        {
            throw error(logical.OffsetAt(start), "a line continuation with no instruction before it");
        }
        if (!InstructionTable.IsKnown(keyword))
        {
            throw error(logical.OffsetAt(start), $"unknown instruction '{written}'");
        }
        if (insideOnBuild && keyword is "ONBUILD" or "FROM" or "MAINTAINER")
        {
            throw error(logical.OffsetAt(start), $"{keyword} is not allowed inside ONBUILD");
        }
        var position = keywordEnd;
        var flags = FlagReader.Read(logical, ref position, end, keyword, (index, message) => error(logical.OffsetAt(index), message));
        foreach (var mount in flags.Where(f => f.Name == "mount").Select(MountReader.Read))
        {
            if (!DockerfileMount.Types.Contains(mount.Type))
            {
                throw error(mount.Flag.Span.Offset, $"unknown mount type '{mount.Type}' (it takes {string.Join(", ", DockerfileMount.Types)})");
            }
        }
        var argumentsEnd = end;
        while (argumentsEnd > position && char.IsWhiteSpace(logical[argumentsEnd - 1]))
        {
            argumentsEnd--;
        }
        var arguments = logical.Slice(position, argumentsEnd);
        var notStrings = false;
        var exec = InstructionTable.ExecForm.Contains(keyword) ? ExecForm.TryRead(arguments, out notStrings) : null;
        if (notStrings)
        {
            throw error(logical.OffsetAt(position), $"{keyword} in JSON form takes an array of strings only");
        }
        if (keyword == "SHELL" && exec is null)
        {
            throw error(logical.OffsetAt(position), "SHELL needs its arguments in JSON form: SHELL [\"executable\", \"parameters\"]");
        }
        var words = exec is not null
            ? []
            : ShellWords.Split(logical, position, argumentsEnd, escape, InstructionTable.Script.Contains(keyword));
        var variables = VariableReader.Read(keyword, words, logical, argumentsEnd, (span, message) => error(span.Length == 0 ? logical.OffsetAt(position) : span.Offset, message));
        if (keyword == "FROM")
        {
            CheckFrom(words, logical.OffsetAt(position));
        }
        DockerfileInstruction? inner = null;
        IReadOnlyList<HeredocMarker> markers = InstructionTable.Heredoc.Contains(keyword)
            ? HeredocMarker.Find(words, (span, message) => error(span.Offset, message))
            : [];
        if (keyword == "ONBUILD")
        {
            if (position == argumentsEnd)
            {
                throw error(logical.OffsetAt(start), "ONBUILD needs an instruction to register");
            }
            var innerParts = Read(logical, position, argumentsEnd, insideOnBuild: true);
            var span = logical.SpanOf(position, argumentsEnd);
            var (line, column) = positions.Of(span.Offset);
            var token = new DockerfileToken(DockerfileTokenKind.Text, span.Of(source), span);
            inner = new DockerfileInstruction([token], line, column, positions.Of(Math.Max(span.Offset, span.End - 1)).Line, innerParts);
            markers = innerParts.Markers;
        }
        return new InstructionParts(logical, keyword, logical.SpanOf(start, keywordEnd), flags, arguments,
            logical.SpanOf(position, argumentsEnd), exec, words, variables, inner)
        {
            Markers = markers,
        };
    }

    /// <summary>FROM takes an image, optionally followed by <c>AS name</c>.</summary>
    private void CheckFrom(IReadOnlyList<DockerfileWord> words, int offset)
    {
        if (words.Count is not (1 or 3))
        {
            throw error(words.Count == 0 ? offset : words[0].Span.Offset, "FROM takes an image, optionally followed by AS and a stage name");
        }
        if (words.Count == 3)
        {
            if (!words[1].Text.Equals("AS", StringComparison.OrdinalIgnoreCase))
            {
                throw error(words[1].Span.Offset, $"FROM expects AS before the stage name, not '{words[1].Text}'");
            }
            var name = words[2].Text;
            if (!name.Contains('$', StringComparison.Ordinal) && !IsStageName(name))
            {
                throw error(words[2].Span.Offset, $"invalid stage name '{name}': it must start with a letter and hold only letters, digits, '-', '_' and '.'");
            }
        }
    }

    private static bool IsStageName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The white space the builder splits the keyword off at.</summary>
    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';
}
