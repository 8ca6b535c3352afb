using System.Text.Json;

namespace Strata.Images.Registry;

/// <summary>
/// The distribution API's listings: repositories through <c>/v2/_catalog</c> and a repository's tags through
/// <c>/v2/NAME/tags/list</c>, each followed page by page through the <c>Link: &lt;…&gt;; rel="next"</c> header.
/// </summary>
public sealed partial class RegistryClient
{
    /// <summary>Names asked for per page; a registry may send fewer, and says where the rest are.</summary>
    public const int ListingPageSize = 1000;

    /// <summary>The most pages one listing follows: a registry whose links go round in circles still ends.</summary>
    public const int MaxListingPages = 100_000;

    private const long MaxListingPageBytes = 16 * 1024 * 1024;

    public Task<IReadOnlyList<string>> ListRepositoriesAsync(string registry, CancellationToken cancellationToken, int pageSize = ListingPageSize) =>
        ListAsync(new RegistryReference(registry, "", null, null), $"v2/_catalog?n={pageSize}", "repositories",
            $"{registry}: catalog", ["registry:catalog:*"], cancellationToken);

    public Task<IReadOnlyList<string>> ListTagsAsync(RegistryReference repository, CancellationToken cancellationToken, int pageSize = ListingPageSize) =>
        ListAsync(repository, $"v2/{repository.Repository}/tags/list?n={pageSize}", "tags",
            $"{repository.Registry}/{repository.Repository}: tags", null, cancellationToken);

    private async Task<IReadOnlyList<string>> ListAsync(
        RegistryReference reference, string firstPage, string field, string what, IReadOnlyList<string>? scopes, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? page = firstPage;
        for (var count = 0; page is not null; count++)
        {
            if (count >= MaxListingPages || !seen.Add(page))
            {
                throw new StrataException($"{what}: the listing's next-page links go on past {count} pages, or back to a page already read ({page})");
            }
            using var response = await SendAsync(reference, RegistryAccess.Pull, HttpMethod.Get, page, null, what, cancellationToken, extraScopes: scopes);
            await EnsureSuccessAsync(response, what, cancellationToken);
            var body = await ReadLimitedAsync(response, MaxListingPageBytes, what, cancellationToken);
            names.AddRange(ParsePage(body, field, what));
            page = NextPage(response, what);
        }
        return names;
    }

    private static List<string> ParsePage(byte[] body, string field, string what)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new StrataException($"{what}: the listing is not a JSON object");
            }
            // A repository without tags may say "tags": null.
            if (!json.RootElement.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new StrataException($"{what}: '{field}' is not a list");
            }
            return list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } name
                ? name
                : throw new StrataException($"{what}: '{field}' holds {e.ValueKind.ToString().ToLowerInvariant()} where a name belongs")).ToList();
        }
        catch (JsonException e)
        {
            throw new StrataException($"{what}: the listing is not valid JSON ({e.Message})");
        }
    }

    /// <summary>The path or URL of the next page, from <c>Link: &lt;URL&gt;; rel="next"</c>; null on the last page.</summary>
    private static string? NextPage(HttpResponseMessage response, string what)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !parts[0].StartsWith('<') || !parts[0].EndsWith('>')
                || !parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                continue;
            }
            var target = parts[0][1..^1];
            if (target.StartsWith('/'))
            {
                return target;
            }
            return Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                ? absolute.ToString()
                : throw new StrataException($"{what}: the next-page link '{target}' is neither a path nor an http(s) URL");
        }
        return null;
    }
}
