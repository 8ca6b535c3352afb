using Spectre.Console.Cli;
using Strata.Analysis.Explore;
using Strata.Cli.Explore;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>
/// dive's interactive explorer: reads the image through the same core as analyze (with its progress bar), then opens
/// the terminal user interface on it. It needs a terminal on standard input and output; a report is analyze's job.
/// </summary>
public sealed class ExploreCommand(CliContext context) : AsyncCommand<ExploreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, ExploreSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Format is not null || settings.Output is not null)
        {
            var option = settings.Format is not null ? "--format" : "--output";
            throw new StrataException(
                $"{option}: explore is interactive and writes no report; 'strata analyze {settings.Image} --format json --output FILE' writes one");
        }
        if (!context.IsInteractiveTerminal)
        {
            throw new StrataException(
                $"explore is interactive and needs a terminal on standard input and output; for a report, run 'strata analyze {settings.Image}'");
        }
        // Read the config before the image, so a bad config file fails fast.
        var config = ExplorerConfig.Load(ExplorerConfig.PathFor(context.GetEnvironmentVariable));
        if (context.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
        {
            config = config with { Colors = config.Colors with { Plain = true } };
        }
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        var analysis = await ImageLoader.AnalyzeOpenedAsync(context, settings, opened.Image, cancellationToken);
        var model = new ExplorerModel(analysis);
        ExplorerApp.Run(model, opened.Image.Layers, ImageLoader.Options(settings).MaxLayerSize, context.WorkingDirectory, config, cancellationToken);
        // Stopped by a signal rather than by the user: exit as every command does when interrupted.
        cancellationToken.ThrowIfCancellationRequested();
        return ExitCodes.Success;
    }
}
