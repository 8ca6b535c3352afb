using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3020: ADD of local files or folders, where COPY says what happens. ADD is left alone when every source
/// is a URL or a local archive (which ADD extracts), as hadolint does; heredoc sources are left alone too.
/// </summary>
public sealed class AddLocalFileRule : DockerfileRule
{
    private static readonly string[] Archives =
        [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.lzma", ".tar.Z", ".tZ", ".tar.zst", ".tzst", ".gz", ".bz2", ".xz", ".lz", ".lzma", ".Z", ".zst"];

    public override string Id => "STR1015";

    public override string? Hadolint => "DL3020";

    public override AdviceSeverity Severity => AdviceSeverity.Error;

    public override string Title => "ADD for local files";

    public override string Description =>
        "ADD also downloads URLs and extracts archives, so a reader cannot tell what a local ADD does; COPY only copies. " +
        "Use COPY for files and folders, ADD only to extract a local archive.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var add in context.AllInstructions.Where(i => i.Keyword == "ADD" && i.Syntax.Heredocs.Count == 0))
        {
            var operands = add.Operands;
            if (operands.Count < 2)
            {
                continue;
            }
            var local = operands.Take(operands.Count - 1).Where(s => !IsUrl(s) && !IsArchive(s)).ToList();
            if (local.Count > 0)
            {
                yield return new RuleHit(add, $"ADD of local {string.Join(", ", local)}: use COPY", "COPY instead of ADD") { Paths = local };
            }
        }
    }

    private static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git@", StringComparison.Ordinal);

    private static bool IsArchive(string source) => Archives.Any(a => source.EndsWith(a, StringComparison.Ordinal));
}
