using System.Reflection;
using System.Runtime.InteropServices;

namespace Strata.Cli;

/// <summary>
/// The version MinVer stamps from the git tags (for example <c>1.2.0</c>, or <c>0.0.0-alpha.0.42</c> before the first
/// tag), the commit the SDK appends after a <c>+</c>, and the .NET runtime running the tool.
/// </summary>
public static class StrataVersion
{
    private static readonly string Informational =
        typeof(StrataVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The semantic version, without build metadata: what the SBOM names as the tool's version.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit the tool was built from, or "unknown" when built outside git.</summary>
    public static string Commit
    {
        get
        {
            var plus = Informational.IndexOf('+', StringComparison.Ordinal);
            if (plus < 0)
            {
                return "unknown";
            }
            // MinVer may put its own build metadata first; the SDK appends the commit last, after a dot.
            var metadata = Informational[(plus + 1)..];
            var commit = metadata[(metadata.LastIndexOf('.') + 1)..];
            return commit.Length > 12 ? commit[..12] : commit;
        }
    }

    public static string Runtime => RuntimeInformation.FrameworkDescription;

    /// <summary>One line for <c>strata --version</c> and <c>strata version</c>.</summary>
    public static string Line => $"strata {Version} (commit {Commit}, {Runtime})";
}
