using System.Text.RegularExpressions;

namespace Strata.Images.Sources;

/// <summary>An engine's image ID as skopeo's <c>docker-daemon:</c> takes it: <c>sha256:</c> and 64 hex digits, or a prefix of 12 or more.</summary>
public static partial class ImageId
{
    public static bool Matches(string name) => IdPattern().IsMatch(name);

    [GeneratedRegex("^(sha256:[0-9a-f]{64}|[0-9a-f]{12,64})$")]
    private static partial Regex IdPattern();
}
