using System.Text;
using Strata.Analysis.Dockerfiles;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Reports;

/// <summary>Where a SARIF result points: a file (relative URI) and the lines of it.</summary>
internal sealed record SarifLocation(string Uri, int StartLine, int EndLine);

/// <summary>
/// Places findings: at the Dockerfile instruction of the layer that brought the package when a Dockerfile is given
/// (the base image's layers, and layers with no matching instruction, at the final stage's FROM), else at the image,
/// line 1. The image is named by a relative URI GitHub can show: the repository path without transport, tag or
/// digest (<c>registry.example.com/team/app</c>), percent-encoded where a URI needs it.
/// </summary>
internal sealed class SarifLocator
{
    private readonly SarifLocation image;
    private readonly string? dockerfileUri;
    private readonly IReadOnlyDictionary<int, DockerfileInstruction?> layers = new Dictionary<int, DockerfileInstruction?>();
    private readonly DockerfileInstruction? from;

    public SarifLocator(ScanReport report, (string Path, string Text)? dockerfile)
    {
        image = new SarifLocation(ImageUri(report.Target.Name), 1, 1);
        if (dockerfile is { } given)
        {
            dockerfileUri = RelativeUri(given.Path.Replace('\\', '/'));
            var lines = new DockerfileLines(given.Text);
            from = lines.From;
            layers = lines.Locate(report.Findings.Where(f => f.LayerIndex is not null).Select(f => (f.LayerIndex!.Value, f.LayerCommand)));
        }
    }

    public SarifLocation For(ScanFinding finding)
    {
        if (dockerfileUri is null)
        {
            return image;
        }
        var instruction = finding.InBaseImage || finding.LayerIndex is null ? from : layers.GetValueOrDefault(finding.LayerIndex.Value, from);
        return instruction is null
            ? new SarifLocation(dockerfileUri, 1, 1)
            : new SarifLocation(dockerfileUri, instruction.StartLine, instruction.EndLine);
    }

    /// <summary>The image's repository: no <c>oci:</c>-style transport, no <c>:tag</c> after the last '/', no <c>@digest</c>.</summary>
    public static string ImageUri(string name)
    {
        var text = name;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }
        var transport = text.IndexOf(':', StringComparison.Ordinal);
        if (transport > 0 && text[..transport] is "oci" or "oci-archive" or "docker-archive" or "docker" or "docker-daemon" or "registry")
        {
            text = text[(transport + 1)..].TrimStart('/');
        }
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            text = text[..colon];
        }
        var uri = RelativeUri(text);
        return uri.Length == 0 ? "image" : uri;
    }

    /// <summary>A path as a relative URI reference: segments percent-encoded (so a ':' can never read as a scheme), no leading '/'.</summary>
    private static string RelativeUri(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".");
        return string.Join('/', segments.Select(Encode));
    }

    private static string Encode(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' ? c.ToString() : $"%{b:X2}");
        }
        return builder.ToString();
    }
}
