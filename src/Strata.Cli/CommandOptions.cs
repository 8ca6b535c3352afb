using System.Reflection;
using Spectre.Console.Cli;

namespace Strata.Cli;

/// <summary>What the arguments name: the command they start with, and the options its settings declare.</summary>
internal static class CommandOptions
{
    /// <summary>The words naming the command: the longest known command path at the start of the arguments.</summary>
    public static string[] CommandPath(IReadOnlyList<string> args)
    {
        var best = CommandLine.Commands
            .Select(c => c.Path)
            .Where(p => p.Length <= args.Count && p.SequenceEqual(args.Take(p.Length), StringComparer.Ordinal))
            .MaxBy(p => p.Length);
        if (best is not null)
        {
            return best;
        }
        return args.Count > 0 && CommandLine.Groups.Contains(args[0]) ? [args[0]] : [];
    }

    /// <summary>Every spelling of every option of the command (with its dashes), and whether it takes a value.</summary>
    public static IReadOnlyList<(string Name, bool TakesValue)> Of(IReadOnlyList<string> path)
    {
        var settings = CommandLine.Commands.FirstOrDefault(c => c.Path.SequenceEqual(path)).Settings;
        if (settings is null)
        {
            return [];
        }
        return settings.GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null)
            .SelectMany(p => p.Option!.LongNames.Select(n => "--" + n).Concat(p.Option.ShortNames.Select(n => "-" + n))
                .Select(name => (name, p.Property.PropertyType != typeof(bool))))
            .ToList();
    }
}
