using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Lint;

/// <summary>
/// Applies the safe fixes of lint findings (<c>--no-install-recommends</c>, the apt-lists cleanup,
/// <c>--no-cache-dir</c>, <c>--no-cache</c>) as edits of the original text, so every other byte stays as it was.
/// An edit that would overlap one already taken is left out with its finding, never half applied.
/// </summary>
public static class DockerfileFixer
{
    /// <summary>The fixed text and the findings whose fixes were applied.</summary>
    public static (string Text, IReadOnlyList<LintFinding> Fixed) Fix(DockerfileDocument document, IReadOnlyList<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(findings);
        var taken = new List<DockerfileEdit>();
        var fixedFindings = new List<LintFinding>();
        foreach (var finding in findings.Where(f => f.IsFixable))
        {
            if (finding.Edits.Any(e => taken.Any(t => Overlaps(e, t))))
            {
                continue;
            }
            taken.AddRange(finding.Edits);
            fixedFindings.Add(finding);
        }
        return (taken.Count == 0 ? document.Text : document.Apply(taken), fixedFindings);
    }

    /// <summary>Two edits touch the same characters, or insert at the same place (whose order would be a guess).</summary>
    private static bool Overlaps(DockerfileEdit a, DockerfileEdit b) =>
        a.Offset == b.Offset || (a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length);
}
