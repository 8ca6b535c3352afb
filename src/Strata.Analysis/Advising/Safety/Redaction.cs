using System.Globalization;

namespace Strata.Analysis.Advising.Safety;

/// <summary>How a secret is shown: never its value, only its length.</summary>
public static class Redaction
{
    public static string Hint(string value) => string.Create(CultureInfo.InvariantCulture, $"{value.Length} characters, redacted");
}
