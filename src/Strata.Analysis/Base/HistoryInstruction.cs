namespace Strata.Analysis.Base;

/// <summary>
/// The Dockerfile instruction behind a history entry's <c>created_by</c>, whichever builder wrote it: the classic
/// builder and buildah write <c>/bin/sh -c #(nop) CMD ["bash"]</c> for settings and <c>/bin/sh -c apt-get …</c> for
/// RUN (with <c>|N ARG=… /bin/sh -c …</c> when build arguments were set); BuildKit and kaniko write the instruction
/// itself (<c>CMD ["bash"]</c>, <c>RUN /bin/sh -c … # buildkit</c>); Windows images use <c>cmd /S /C</c>.
/// </summary>
public static class HistoryInstruction
{
    private static readonly string[] Shells = ["/bin/sh -c ", "cmd /S /C "];
    private const string NoOperation = "#(nop)";

    private static readonly HashSet<string> Instructions = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    /// <summary>The instruction in upper case (<c>CMD</c>, <c>RUN</c>), or null when the text names none (a tool's own note).</summary>
    public static string? Of(string? createdBy)
    {
        var text = (createdBy ?? "").Trim();
        if (text.StartsWith('|'))
        {
            // The classic builder's RUN with build arguments: "|2 A=1 B=2 /bin/sh -c make".
            return "RUN";
        }
        foreach (var shell in Shells)
        {
            if (text.StartsWith(shell, StringComparison.Ordinal))
            {
                var command = text[shell.Length..].TrimStart();
                return command.StartsWith(NoOperation, StringComparison.Ordinal) ? FirstWord(command[NoOperation.Length..]) : "RUN";
            }
        }
        return FirstWord(text);
    }

    /// <summary>Whether the entry sets the command the image runs: what a base image ends with.</summary>
    public static bool SetsCommand(string? createdBy) => Of(createdBy) is "CMD" or "ENTRYPOINT";

    private static string? FirstWord(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t', '\n']);
        var word = end < 0 ? trimmed : trimmed[..end];
        return Instructions.Contains(word) ? word.ToUpperInvariant() : null;
    }
}
