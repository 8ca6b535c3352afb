using Spectre.Console;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary><c>strata db status</c>: the database's file, schema version, and records per ecosystem with their source and age.</summary>
public sealed class DbStatusCommand(CliContext context) : AsyncCommand<DbStatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, DbStatusSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json");
        var status = AdvisoryStore.Status(DbPath.Resolve(context, settings));
        var now = DateTimeOffset.UtcNow;
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, settings.Output, stream => WriteJson(stream, status, now));
            return ExitCodes.Success;
        }
        var table = new PlainColumns("ECOSYSTEM", "RECORDS", "UPDATED (UTC)", "AGE", "SOURCE");
        foreach (var ecosystem in status.Ecosystems)
        {
            table.AddRow(
                ecosystem.Name,
                ecosystem.Records.ToString("N0", CultureInfo.InvariantCulture),
                ecosystem.CheckedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
                ecosystem.CheckedAt is { } checkedAt ? Age(now - checkedAt) : "-",
                ecosystem.Source ?? "-");
        }
        CommandOutput.Render(context, settings.Output, console =>
        {
            if (!settings.Quiet)
            {
                console.WriteLine($"Database: {TerminalText.Safe(status.Path)} ({HumanSize.Format(status.SizeBytes)}, schema version {status.SchemaVersion})");
                console.WriteLine($"Records:  {status.TotalRecords.ToString("N0", CultureInfo.InvariantCulture)}");
                console.WriteLine();
            }
            table.Write(console);
        });
        return ExitCodes.Success;
    }

    /// <summary>The largest whole unit: 45s, 12m, 5h, 3d.</summary>
    internal static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };

    private static void WriteJson(Stream stream, StoreStatus status, DateTimeOffset now)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("path", status.Path);
        json.WriteNumber("sizeBytes", status.SizeBytes);
        json.WriteNumber("schemaVersion", status.SchemaVersion);
        json.WriteNumber("records", status.TotalRecords);
        json.WriteStartArray("ecosystems");
        foreach (var ecosystem in status.Ecosystems)
        {
            json.WriteStartObject();
            json.WriteString("name", ecosystem.Name);
            json.WriteNumber("records", ecosystem.Records);
            WriteOptional(json, "source", ecosystem.Source);
            WriteOptional(json, "etag", ecosystem.ETag);
            WriteOptional(json, "lastModified", ecosystem.LastModified);
            WriteOptional(json, "importedAt", ecosystem.ImportedAt is { } imported ? Time(imported) : null);
            WriteOptional(json, "checkedAt", ecosystem.CheckedAt is { } checkedAt ? Time(checkedAt) : null);
            if (ecosystem.CheckedAt is { } since)
            {
                json.WriteNumber("ageSeconds", Math.Max(0, (long)(now - since).TotalSeconds));
            }
            else
            {
                json.WriteNull("ageSeconds");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
