using System.Globalization;

namespace Strata.Cli.Rendering;

/// <summary>"1 layer", "2 layers", "0 groups".</summary>
public static class Plural
{
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
