namespace Strata.Dockerfile.Syntax;

/// <summary>How a flag takes its value: a string (<c>--from=x</c>), a boolean (<c>--link</c>), or a string that may
/// be given more than once (<c>--mount</c>).</summary>
internal enum FlagKind
{
    Text,
    Boolean,
    Repeated,
}

/// <summary>
/// The instructions the Dockerfile reference defines and the flags each accepts; the builder rejects anything else
/// (<c>unknown instruction</c>, <c>unknown flag</c>).
/// </summary>
internal static class InstructionTable
{
    private static readonly Dictionary<string, FlagKind> NoFlags = [];

    private static readonly Dictionary<string, Dictionary<string, FlagKind>> Flags = new(StringComparer.Ordinal)
    {
        ["ADD"] = new()
        {
            ["chown"] = FlagKind.Text, ["chmod"] = FlagKind.Text, ["link"] = FlagKind.Boolean, ["checksum"] = FlagKind.Text,
            ["keep-git-dir"] = FlagKind.Boolean, ["exclude"] = FlagKind.Repeated, ["parents"] = FlagKind.Boolean,
            ["unpack"] = FlagKind.Boolean,
        },
        ["ARG"] = NoFlags,
        ["CMD"] = NoFlags,
        ["COPY"] = new()
        {
            ["from"] = FlagKind.Text, ["chown"] = FlagKind.Text, ["chmod"] = FlagKind.Text, ["link"] = FlagKind.Boolean,
            ["parents"] = FlagKind.Boolean, ["exclude"] = FlagKind.Repeated,
        },
        ["ENTRYPOINT"] = NoFlags,
        ["ENV"] = NoFlags,
        ["EXPOSE"] = NoFlags,
        ["FROM"] = new() { ["platform"] = FlagKind.Text },
        ["HEALTHCHECK"] = new()
        {
            ["interval"] = FlagKind.Text, ["timeout"] = FlagKind.Text, ["start-period"] = FlagKind.Text,
            ["start-interval"] = FlagKind.Text, ["retries"] = FlagKind.Text,
        },
        ["LABEL"] = NoFlags,
        ["MAINTAINER"] = NoFlags,
        ["ONBUILD"] = NoFlags,
        ["RUN"] = new()
        {
            ["mount"] = FlagKind.Repeated, ["network"] = FlagKind.Text, ["security"] = FlagKind.Text, ["device"] = FlagKind.Repeated,
        },
        ["SHELL"] = NoFlags,
        ["STOPSIGNAL"] = NoFlags,
        ["USER"] = NoFlags,
        ["VOLUME"] = NoFlags,
        ["WORKDIR"] = NoFlags,
    };

    /// <summary>Instructions whose arguments may be a JSON array (exec form).</summary>
    public static readonly IReadOnlySet<string> ExecForm = new HashSet<string>(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    /// <summary>Instructions that may open heredocs.</summary>
    public static readonly IReadOnlySet<string> Heredoc = new HashSet<string>(StringComparer.Ordinal) { "RUN", "COPY", "ADD" };

    /// <summary>Instructions whose shell-form arguments are a shell script, so operators split words.</summary>
    public static readonly IReadOnlySet<string> Script = new HashSet<string>(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK",
    };

    public static bool IsKnown(string keyword) => Flags.ContainsKey(keyword);

    public static IReadOnlyDictionary<string, FlagKind> FlagsOf(string keyword) => Flags[keyword];
}
