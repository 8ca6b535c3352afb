using Strata.Images;
using Strata.Images.Output;
using Strata.Images.Registry;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>Where <c>strata slim</c> puts its image: a file destination as <c>pull</c> writes, or a registry it pushes to.</summary>
internal sealed record SlimDestination(OutputTarget? File, RegistryReference? Registry)
{
    public static SlimDestination Parse(string text, string workingDirectory)
    {
        var scheme = text.Split(':', 2)[0];
        if (scheme is "oci" or "oci-archive" or "docker-archive")
        {
            try
            {
                return new SlimDestination(OutputTarget.Parse(text, workingDirectory), null);
            }
            catch (StrataException e)
            {
                throw new StrataException(e.Message.Replace("--output", "DEST", StringComparison.Ordinal), e);
            }
        }
        if (scheme is "docker-tar" or "docker-daemon" or "podman" || !RegistryReference.LooksLikeReference(text))
        {
            throw new StrataException(
                $"DEST '{text}': expected oci:DIR[:TAG], oci-archive:PATH[:TAG], docker-archive:PATH[:NAME:TAG] or a registry reference REGISTRY/REPOSITORY[:TAG]");
        }
        var reference = RegistryReference.Parse(text);
        RegistryHost.Validate(reference.Registry, text);
        return new SlimDestination(null, reference);
    }

    public override string ToString() => File is { } file ? file.Path : Registry!.ToString();
}
