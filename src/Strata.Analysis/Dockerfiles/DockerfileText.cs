namespace Strata.Analysis.Dockerfiles;

/// <summary>
/// The Dockerfile line behind a history entry's created_by, as people wrote it: the classic builder's
/// <c>/bin/sh -c #(nop) CMD …</c> becomes <c>CMD …</c> and its <c>/bin/sh -c apt-get …</c> becomes
/// <c>RUN apt-get …</c>; BuildKit's <c>RUN /bin/sh -c … # buildkit</c> becomes <c>RUN …</c>.
/// </summary>
public static class DockerfileText
{
    private const string Shell = "/bin/sh -c ";
    private const string NoOperation = "#(nop)";
    private const string BuildKitMark = " # buildkit";

    public static string From(string? createdBy)
    {
        var text = (createdBy ?? "").Trim();
        if (text.EndsWith(BuildKitMark, StringComparison.Ordinal))
        {
            text = text[..^BuildKitMark.Length].TrimEnd();
        }
        if (text.StartsWith("RUN " + Shell, StringComparison.Ordinal))
        {
            return "RUN " + text[("RUN " + Shell).Length..].TrimStart();
        }
        if (!text.StartsWith(Shell, StringComparison.Ordinal))
        {
            return text;
        }
        var command = text[Shell.Length..].TrimStart();
        return command.StartsWith(NoOperation, StringComparison.Ordinal)
            ? command[NoOperation.Length..].TrimStart()
            : "RUN " + command;
    }
}
