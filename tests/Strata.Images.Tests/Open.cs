using Strata.Images.Sources;

namespace Strata.Images.Tests;

internal static class Open
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    public static ResolvedImage Image(string reference, ImageSelector? selector = null) =>
        ImageOpener.OpenAsync(ImageReference.Parse(reference), selector ?? new ImageSelector(), NoEngines, CancellationToken.None)
            .GetAwaiter().GetResult();
}
