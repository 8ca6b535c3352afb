using System.Collections.Concurrent;
using System.Text.Json;

namespace Strata.Policy.Fleet;

/// <summary>
/// The reports already in the output folder, by manifest digest: what a resumed run does not scan again. Reports are
/// written whole through a rename, so a file here is complete; one that does not read as a report is not counted
/// (its image is scanned again and the file replaced).
/// </summary>
public sealed class ReportIndex
{
    public const string Folder = "reports";

    private readonly ConcurrentDictionary<string, (string Grade, FindingCounts Findings, string Report)> _reported = new(StringComparer.Ordinal);

    public static ReportIndex Load(string outputFolder)
    {
        var index = new ReportIndex();
        var folder = Path.Combine(outputFolder, Folder);
        if (!Directory.Exists(folder))
        {
            return index;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (Read(file) is { } report && FileName(report.Digest) == Path.GetFileName(file))
            {
                index._reported[report.Digest] = (report.Grade, report.Findings, Path.Combine(Folder, Path.GetFileName(file)));
            }
        }
        return index;
    }

    /// <summary>The report's file name for a manifest digest: <c>sha256-HEX.json</c>.</summary>
    public static string FileName(string manifestDigest) => manifestDigest.Replace(':', '-') + ".json";

    public bool TryGet(string manifestDigest, out (string Grade, FindingCounts Findings, string Report) reported) =>
        _reported.TryGetValue(manifestDigest, out reported);

    public void Add(string manifestDigest, string grade, FindingCounts findings) =>
        _reported[manifestDigest] = (grade, findings, Path.Combine(Folder, FileName(manifestDigest)));

    private static (string Digest, string Grade, FindingCounts Findings)? Read(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var digest = root.GetProperty("image").GetProperty("manifestDigest").GetString();
            var grade = root.GetProperty("grade").GetString();
            var f = root.GetProperty("findings");
            int N(string name) => f.GetProperty(name).GetInt32();
            return digest is null || grade is null
                ? null
                : (digest, grade, new FindingCounts(N("critical"), N("high"), N("medium"), N("low"), N("unknown"), N("policyFailures"), N("secrets"), N("advice")));
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
