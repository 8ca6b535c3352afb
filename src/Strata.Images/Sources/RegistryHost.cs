using System.Globalization;

namespace Strata.Images.Sources;

/// <summary>The registry part of a reference, checked before it becomes a URI (<c>foo:bar/baz</c> names a port "bar").</summary>
public static class RegistryHost
{
    public static void Validate(string registry, string original)
    {
        var colon = registry.LastIndexOf(':');
        var host = colon < 0 ? registry : registry[..colon];
        if (colon >= 0)
        {
            var port = registry[(colon + 1)..];
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new StrataException(
                    $"image reference '{original}': '{port}' is not a port number in the registry '{registry}' " +
                    "(a transport is written oci:, oci-archive:, docker-archive:, docker-daemon:, podman: or docker://)");
            }
        }
        if (host.Length == 0 || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            throw new StrataException($"image reference '{original}': '{host}' is not a valid registry host name");
        }
    }
}
