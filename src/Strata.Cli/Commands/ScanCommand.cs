using Spectre.Console.Cli;
using Strata.Analysis.Base;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Sbom;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Input;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Reports;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Store;
using Strata.Vulnerabilities.Vex;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata scan IMAGE</c>: the image's packages (read once, as <c>strata sbom</c> reads them) matched against the
/// offline OSV database, each finding placed at its layer, filtered, and written as a table, JSON, SARIF or Markdown.
/// <c>sbom:FILE</c> scans a CycloneDX or SPDX SBOM instead of an image.
/// </summary>
public sealed class ScanCommand(CliContext context) : AsyncCommand<ScanSettings>
{
    private const string SbomPrefix = "sbom:";

    public override async Task<int> ExecuteAsync(CommandContext commandContext, ScanSettings settings, CancellationToken cancellationToken)
    {
        // Every option is checked, and every file it names read, before the image: a typo fails at once.
        var format = CommandOutput.Format(settings.Format, "table", "json", "sarif", "markdown");
        var filter = new ScanFilter
        {
            Severities = settings.Severity is { } list ? ScanFilter.ParseSeverities(list, "--severity") : null,
            OnlyFixed = settings.OnlyFixed,
            IgnoreBase = settings.IgnoreBase,
        };
        var exitCode = ScanInputs.WholeNumber(settings.ExitCode, "--exit-code", 0, 255);
        var baseLayers = ScanInputs.WholeNumber(settings.BaseLayers, "--base-layers", 0, int.MaxValue);
        var dockerfile = ScanInputs.Dockerfile(context, settings.Dockerfile);
        var vex = settings.Vex.Select(v => VexDocument.Load(ScanInputs.ExistingFile(context, v, "--vex"))).ToList();
        var sbomFile = settings.Image.StartsWith(SbomPrefix, StringComparison.Ordinal) ? SbomFile(settings.Image[SbomPrefix.Length..]) : null;
        using var store = AdvisoryStore.Open(ScanInputs.Database(context, settings.Db, settings.CacheDir));

        var (sbom, baseImage) = sbomFile is not null
            ? ReadSbomFile(sbomFile, baseLayers)
            : await ReadImageAsync(settings, baseLayers, cancellationToken);
        Warnings.Write(context, sbom.Warnings);
        if (settings.IgnoreBase && baseImage.Layers is null)
        {
            Warnings.Write(context, [$"--ignore-base: no base image found ({baseImage.Reason}); every finding is kept"]);
        }

        var report = Scanner.Scan(Scanner.Target(sbom, baseImage), sbom.Packages, store, new ScanOptions { Filter = filter, Vex = vex });
        Warnings.Write(context, report.Warnings);
        await WriteAsync(report, format, settings, dockerfile);
        return exitCode is { } code && report.Active.Count > 0 ? code : ExitCodes.Success;
    }

    /// <summary>The SBOM file of IMAGE <c>sbom:FILE</c>, resolved; a missing one is an error naming it.</summary>
    private string SbomFile(string path)
    {
        if (path.Length == 0)
        {
            throw new StrataException("IMAGE: 'sbom:' needs a file, as in sbom:sbom.json");
        }
        var full = context.ResolvePath(path);
        return File.Exists(full) ? full : throw new StrataException($"{path}: no such SBOM file");
    }

    private static (SbomDocument, BaseImage) ReadSbomFile(string full, int? baseLayers)
    {
        var sbom = SbomReader.Read(full);
        // An SBOM carries no image config, so only --base-layers can say which layers are the base's.
        var baseImage = baseLayers is { } n
            ? new BaseImage(n, null, null, "--base-layers", null)
            : BaseImage.None("an SBOM has no image history; give --base-layers N");
        return (sbom, baseImage);
    }

    private async Task<(SbomDocument, BaseImage)> ReadImageAsync(ScanSettings settings, int? baseLayers, CancellationToken cancellationToken) =>
        await ImageLoader.ReadAsync(context, settings, (image, options, progress) =>
        {
            // From the config alone, before any layer is read: a --base-layers past the last layer fails at once.
            var baseImage = BaseImageDetector.Detect(image.Config, baseLayers);
            var (_, sbom) = SbomBuilder.Build(image, options, CatalogerRegistry.All(), progress, cancellationToken);
            return (sbom, baseImage);
        }, cancellationToken);

    private async Task WriteAsync(ScanReport report, string format, ScanSettings settings, (string Path, string Text)? dockerfile)
    {
        switch (format)
        {
            case "json":
                await CommandOutput.WriteAsync(context, settings.Output, s => ScanJsonWriter.Write(report, s));
                break;
            case "sarif":
                await CommandOutput.WriteAsync(context, settings.Output, s => SarifWriter.Write(report, s, StrataVersion.Version, dockerfile));
                break;
            case "markdown":
                await CommandOutput.WriteAsync(context, settings.Output, s => ScanMarkdownWriter.Write(report, s, DockerfileText.From));
                break;
            default:
                CommandOutput.Render(context, settings.Output, console => ScanTable.Render(console, report, settings.Quiet));
                break;
        }
    }
}
