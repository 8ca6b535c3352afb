using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Strata.Cli;

/// <summary>
/// Turns Spectre's parse errors into one line: what was wrong, the nearest option when one is close
/// ("did you mean '--top'?"), and where to read more (<c>see 'strata analyze --help'</c>).
/// </summary>
internal static partial class UsageError
{
    public static string Describe(CommandAppException exception, string[] args)
    {
        var path = CommandOptions.CommandPath(args);
        var message = exception.Message.TrimEnd('.');
        if (UnknownOption().Match(message) is { Success: true } option)
        {
            var name = option.Groups[1].Value;
            var typed = args.FirstOrDefault(a => a.TrimStart('-').Split('=')[0] == name && a.StartsWith('-')) ?? "--" + name;
            message = $"unknown option '{typed.Split('=')[0]}'";
            if (SuggestOption(path, name) is { } suggestion)
            {
                message += $"; did you mean '{suggestion}'?";
            }
        }
        else if (UnknownCommand().Match(message) is { Success: true } command)
        {
            message = $"unknown command '{command.Groups[1].Value}'";
            if (SuggestCommand(args, command.Groups[1].Value) is { } suggestion)
            {
                message += $"; did you mean '{suggestion}'?";
            }
            else if (path.Length == 0)
            {
                // 'strata IMAGE' explores an image only when the word reads as one (see StrataApp).
                message += $"; to explore an image, write 'strata explore {command.Groups[1].Value}' or give its tag or transport";
            }
        }
        else if (UnmatchedArgument().Match(message) is { Success: true } argument)
        {
            message = $"unexpected argument '{argument.Groups[1].Value}'";
        }
        else if (message.Length > 0)
        {
            message = char.ToLowerInvariant(message[0]) + message[1..];
        }
        var help = path.Length == 0 ? "strata --help" : $"strata {string.Join(' ', path)} --help";
        return $"{message} (see '{help}')";
    }

    private static string? SuggestOption(string[] path, string unknown) =>
        Nearest(unknown.TrimStart('-'), CommandOptions.Of(path).Select(o => o.Name).Append("--help"));

    /// <summary>The subcommands at the level of the unknown word: the top-level commands, or a group's.</summary>
    private static string? SuggestCommand(string[] args, string unknown)
    {
        var group = args.Length > 0 && CommandLine.Groups.Contains(args[0]) ? args[0] : null;
        var names = CommandLine.Commands
            .Where(c => group is null ? c.Path.Length == 1 : c.Path.Length == 2 && c.Path[0] == group)
            .Select(c => c.Path[^1])
            .Concat(group is null ? CommandLine.Groups : []);
        return Nearest(unknown, names);
    }

    private static string? Nearest(string typed, IEnumerable<string> names) => names
        .Select(name => (name, distance: Distance(typed.ToLowerInvariant(), name.TrimStart('-').ToLowerInvariant())))
        .Where(c => c.distance <= Math.Max(1, typed.Length / 3) && c.distance < typed.Length)
        .OrderBy(c => c.distance)
        .Select(c => c.name)
        .FirstOrDefault();

    /// <summary>
    /// The fewest single-character edits (insert, delete, substitute, swap two neighbours) from one word to the
    /// other: the optimal-string-alignment form of Damerau–Levenshtein, so "prnue" is one edit from "prune".
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^Unknown option '([^']*)'$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unknown command '([^']*)'$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Could not match '([^']*)' with an argument$")]
    private static partial Regex UnmatchedArgument();
}
