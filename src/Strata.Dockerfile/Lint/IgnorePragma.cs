using System.Text.RegularExpressions;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Lint;

/// <summary>
/// The ignore comments: <c># hadolint ignore=DL3009,DL3015</c> or <c># strata ignore=STR1001</c> in the comment lines
/// directly above an instruction ignore those rules there; <c># hadolint global ignore=…</c> or
/// <c># strata global ignore=…</c> anywhere ignores them in the whole file. Either spelling takes Strata or hadolint
/// IDs. A trailing <c># note</c> after the list is allowed.
/// </summary>
public static partial class IgnorePragma
{
    /// <summary>The IDs a comment's text (after the <c>#</c>) ignores, and whether globally; no IDs when it is no pragma.</summary>
    public static (IReadOnlyList<string> Ids, bool Global) Read(string comment)
    {
        var match = Pragma().Match(comment);
        if (!match.Success)
        {
            return ([], false);
        }
        var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (ids, match.Groups["global"].Success);
    }

    /// <summary>The IDs ignored in the whole file.</summary>
    public static IReadOnlySet<string> Global(DockerfileDocument document) =>
        document.Comments.Select(c => Read(c.Text)).Where(p => p.Global).SelectMany(p => p.Ids).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The IDs the comment lines directly above the instruction ignore.</summary>
    public static IReadOnlySet<string> Above(DockerfileInstruction instruction) =>
        instruction.LeadingComments.Select(c => Read(c.Text)).Where(p => !p.Global).SelectMany(p => p.Ids).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(hadolint|strata)\s+(?<global>global\s+)?ignore\s*=\s*(?<ids>[A-Za-z0-9]+(\s*,\s*[A-Za-z0-9]+)*)\s*(#.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pragma();
}
