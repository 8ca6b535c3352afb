namespace Strata.Cli.Rendering;

/// <summary>The Dockerfile line behind a history entry's created_by; the rule lives in Strata.Analysis, shared with SARIF.</summary>
public static class DockerfileText
{
    public static string From(string? createdBy) => Analysis.Dockerfiles.DockerfileText.From(createdBy);
}
