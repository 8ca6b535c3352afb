using System.Security.Cryptography;
using System.Text;
using Strata.Images;

namespace Strata.Cli.Report;

/// <summary>
/// Writes the report: one HTML file holding its styles, d3-hierarchy (with its licence), the page's script and the
/// JSON data block. Its Content-Security-Policy allows no request of any kind and runs only the two scripts it ships
/// (by their SHA-256), so even markup that slipped into the page could neither run nor fetch anything.
/// </summary>
internal static class ReportPage
{
    private const string StylesMarker = "/*STYLES*/";
    private const string LibraryMarker = "/*LIBRARY*/";
    private const string ScriptMarker = "/*SCRIPT*/";
    private const string DataMarker = "/*DATA*/";
    private const string PolicyMarker = "CONTENT_SECURITY_POLICY";

    public static void Write(ReportInput input, Stream output)
    {
        var template = Resource("page.html");
        var styles = Resource("report.css");
        var library = $"/*! d3-hierarchy {Resource("d3-hierarchy.version").Trim()}, vendored from npm\n{Resource("d3-hierarchy.LICENSE")}*/\n{Resource("d3-hierarchy.min.js")}";
        var script = Resource("report.js");
        var policy = $"default-src 'none'; script-src {Hash(library)} {Hash(script)}; style-src {Hash(styles)}; img-src data:";
        var page = template.Replace(PolicyMarker, policy, StringComparison.Ordinal)
            .Replace(StylesMarker, styles, StringComparison.Ordinal)
            .Replace(LibraryMarker, library, StringComparison.Ordinal)
            .Replace(ScriptMarker, script, StringComparison.Ordinal);
        var data = page.IndexOf(DataMarker, StringComparison.Ordinal);
        output.Write(Encoding.UTF8.GetBytes(page[..data]));
        ReportData.Write(input, output);
        output.Write(Encoding.UTF8.GetBytes(page[(data + DataMarker.Length)..]));
    }

    private static string Hash(string inlineContent) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineContent)))}'";

    private static string Resource(string name)
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("Strata.Cli.Report." + name)
            ?? throw new StrataException($"internal error: the report's {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
