namespace Strata.Dockerfile.Rules.Shell;

/// <summary>
/// One simple command of a RUN's shell script (<c>apt-get install -y curl</c>): its name and its arguments, after any
/// leading <c>VAR=value</c> assignments and redirections are set aside. <see cref="Separator"/> is the operator that
/// joined it to the command before (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c>, a newline), or
/// null for the first.
/// </summary>
public sealed record ShellCommand(ShellWord Name, IReadOnlyList<ShellWord> Arguments, string? Separator)
{
    /// <summary>The <c>VAR=value</c> words before the name, which set the command's environment.</summary>
    public IReadOnlyList<ShellWord> Assignments { get; init; } = [];

    /// <summary>The program as called, without its folder: <c>/usr/bin/apt-get</c> is <c>apt-get</c>.</summary>
    public string Program => Name.Value[(Name.Value.LastIndexOf('/') + 1)..];

    public bool Is(params string[] programs) => programs.Contains(Program, StringComparer.Ordinal);

    /// <summary>The arguments that are not flags, in order (a flag's separate value is not told apart).</summary>
    public IEnumerable<ShellWord> Words => Arguments.Where(a => !a.IsFlag);

    /// <summary>The first argument equal to one of <paramref name="values"/> (<c>install</c> of <c>apt-get install</c>).</summary>
    public ShellWord? Argument(params string[] values) => Arguments.FirstOrDefault(a => values.Contains(a.Value, StringComparer.Ordinal));

    /// <summary>Whether the command is <paramref name="program"/> with one of <paramref name="subcommands"/> among its arguments.</summary>
    public bool Runs(string program, params string[] subcommands) => Program == program && Argument(subcommands) is not null;

    /// <summary>
    /// Whether a flag is given: a long one as <c>--name</c> or <c>--name=value</c>, a one-letter one alone or among
    /// others (<c>-l</c> in <c>-lm</c>).
    /// </summary>
    public bool HasFlag(params string[] names) => Arguments.Any(a => names.Any(n => IsFlag(a.Value, n)));

    /// <summary>The value given to a flag: <c>1001</c> of <c>-u 1001</c>, <c>--uid 1001</c> or <c>--uid=1001</c>.</summary>
    public string? FlagValue(params string[] names)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            var value = Arguments[i].Value;
            foreach (var name in names)
            {
                var spelled = name.Length == 1 ? "-" + name : "--" + name;
                if (value == spelled)
                {
                    return i + 1 < Arguments.Count ? Arguments[i + 1].Value : null;
                }
                if (name.Length > 1 && value.StartsWith(spelled + "=", StringComparison.Ordinal))
                {
                    return value[(spelled.Length + 1)..];
                }
                if (name.Length == 1 && value.Length > 2 && value.StartsWith(spelled, StringComparison.Ordinal) && value[1] != '-')
                {
                    return value[2..];
                }
            }
        }
        return null;
    }

    private static bool IsFlag(string argument, string name)
    {
        if (name.Length > 1)
        {
            return argument == "--" + name || argument.StartsWith("--" + name + "=", StringComparison.Ordinal);
        }
        return argument.Length > 1 && argument[0] == '-' && argument[1] != '-' && argument.AsSpan(1).Contains(name[0]);
    }
}
