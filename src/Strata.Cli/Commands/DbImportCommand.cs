using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary><c>strata db import PATH...</c>: adds OSV records from folders, files and export zips to the database.</summary>
public sealed class DbImportCommand(CliContext context) : Command<DbImportSettings>
{
    public override int Execute(CommandContext commandContext, DbImportSettings settings, CancellationToken cancellationToken)
    {
        var path = DbPath.ForWriting(context, settings);
        var warnings = new LimitedWarnings(context);
        var paths = settings.Paths.Select(p => (context.ResolvePath(p), p)).ToList();
        var counts = AdvisoryImport.Import(path, paths, new ImportOptions { Strict = settings.Strict, Warn = warnings.Write }, cancellationToken);
        warnings.Finish();
        if (!settings.Quiet)
        {
            context.Out.WriteLine($"Imported {Plural.Of(counts.Read, "record")} into {TerminalText.Safe(path)}: {DbSummary.Counts(counts)}");
        }
        return ExitCodes.Success;
    }
}
