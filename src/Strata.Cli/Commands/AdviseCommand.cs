using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Analysis.Advising;
using Strata.Analysis.Advising.Safety;
using Strata.Analysis.Base;
using Strata.Analysis.Dockerfiles;
using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Strata.Dockerfile.Advice;
using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Sources;
using Strata.Sbom;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Cli.Commands;

public sealed class AdviseSettings : ImageSettings
{
    [CommandOption("--dockerfile <PATH>")]
    [Description("The image's Dockerfile: each finding names the line of the final stage to change (default: no lines)")]
    public string? Dockerfile { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (size, then safety, with the total savings) or json (an array of findings)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the output to FILE, replaced whole ('-' for standard output, the default)")]
    public string? Output { get; init; }

    [CommandOption("--online")]
    [Description("Read the slim base image's size from its registry (default: Strata's shipped table)")]
    public bool Online { get; init; }
}

/// <summary>
/// <c>strata advise IMAGE</c>: how to make an image smaller and safer, measured on the image itself: each finding
/// with the bytes its fix saves (no stored file counted twice) and, with --dockerfile, the line to change.
/// </summary>
public sealed class AdviseCommand(CliContext context) : AsyncCommand<AdviseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, AdviseSettings settings, CancellationToken cancellationToken)
    {
        var format = CommandOutput.Format(settings.Format, "table", "json");
        var dockerfile = ScanInputs.Dockerfile(context, settings.Dockerfile);
        var read = await ImageLoader.ReadAsync(context, settings, (image, options, progress) => Read(image, options, progress, cancellationToken), cancellationToken);
        Warnings.Write(context, read.Sbom.Warnings);
        var warnings = new List<string>();
        var input = Input(read, dockerfile?.Text, settings, cancellationToken);
        var advice = ImageAdvisor.Advise(input, warnings.Add);
        Warnings.Write(context, warnings);
        if (format == "json")
        {
            await CommandOutput.WriteAsync(context, settings.Output, s => AdviceJsonWriter.Write(advice.Findings, s));
            return ExitCodes.Success;
        }
        CommandOutput.Render(context, settings.Output, console => AdviceTable.Render(console, read.Analysis.Name, advice, settings.Quiet));
        return ExitCodes.Success;
    }

    private sealed record ReadImage(ImageAnalysis Analysis, SbomDocument Sbom, ImageConfigDetails Config, BaseImage Base, IReadOnlyList<SecretFileHit> Secrets);

    /// <summary>One pass over the layers: the analysis, the OS packages (for toolchains and the OS), and the secret scan.</summary>
    private static ReadImage Read(ResolvedImage image, AnalysisOptions options, Action<int, long>? progress, CancellationToken cancellationToken)
    {
        var baseImage = BaseImageDetector.Detect(image.Config);
        var config = ImageConfigDetails.Parse(image.Config.Raw, $"{image.Name}: config");
        var secrets = new SecretFileCaptor();
        var osCatalogers = CatalogerRegistry.All().Where(c => !c.IsLanguage).ToList();
        var (analysis, sbom) = SbomBuilder.Build(image, options with { Captor = secrets }, osCatalogers, progress, cancellationToken);
        return new ReadImage(analysis, sbom, config, baseImage, secrets.Hits);
    }

    private AdviceInput Input(ReadImage read, string? dockerfileText, AdviseSettings settings, CancellationToken cancellationToken)
    {
        var firstOwn = read.Base.Layers ?? 0;
        var lines = dockerfileText is null
            ? LayerLines.None
            : new LayerLines(new DockerfileLines(dockerfileText), read.Config.History, read.Analysis.Layers.Select(l => l.CreatedBy).ToList(), firstOwn);
        return new AdviceInput
        {
            Analysis = read.Analysis,
            Config = read.Config,
            Base = read.Base,
            Packages = read.Sbom.Packages.Select(p => new InstalledPackage(p.Ecosystem, p.Name, p.Files)).ToList(),
            Os = read.Sbom.Os is { } os ? (os.Id, os.VersionId) : null,
            SecretFiles = read.Secrets,
            Lines = lines,
            RegistrySize = settings.Online ? name => RegistrySize(name, read.Analysis.Platform, settings, cancellationToken) : null,
        };
    }

    /// <summary>An image's compressed size (REGISTRY/REPOSITORY:TAG) for the platform, as <c>strata inspect</c> reads it: the sum of its manifest's layer sizes.</summary>
    private long? RegistrySize(string name, Platform platform, AdviseSettings settings, CancellationToken cancellationToken)
    {
        var registry = RegistryAccessFactory.Create(context, settings);
        try
        {
            var reference = ImageReference.Parse("docker://" + name);
            using var image = ImageOpener.OpenAsync(reference, new ImageSelector(Platform: platform), ImageLoader.Engines(context), cancellationToken, registry)
                .GetAwaiter().GetResult();
            return image.Manifest?.Layers.Sum(l => l.Size);
        }
        catch (StrataException)
        {
            return null;
        }
        finally
        {
            registry.Client.Dispose();
        }
    }
}
