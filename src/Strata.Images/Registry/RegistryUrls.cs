namespace Strata.Images.Registry;

/// <summary>URLs a registry hands out (token realm, upload Location, redirect) are followed only over HTTP or HTTPS.</summary>
internal static class RegistryUrls
{
    public static Uri RequireHttp(Uri url, string what, string role)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new StrataException($"{what}: the registry's {role} '{Shown(url)}' is not an http or https URL; refusing to follow it");
        }
        return url;
    }

    /// <summary>Resolves a Location header value against the URL it answered, then checks its scheme.</summary>
    public static Uri Resolve(Uri requestUrl, Uri location, string what, string role)
    {
        // On Unix a bare path such as "/v2/..." parses as an absolute file URI; it is a path on the same server.
        if (!location.IsAbsoluteUri || location.OriginalString.StartsWith('/'))
        {
            return RequireHttp(new Uri(requestUrl, location.OriginalString), what, role);
        }
        return RequireHttp(location, what, role);
    }

    private static string Shown(Uri url) => IO.ShownText.Of(url.OriginalString, RegistryClientOptions.MaxShownChars);
}
