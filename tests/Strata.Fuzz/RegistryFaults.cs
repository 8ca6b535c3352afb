using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// Faults of the connection to a registry, through the TestKit's <see cref="FaultProxy"/>: error statuses with huge
/// Retry-After, resets, truncated and corrupted bodies, redirects to other URL schemes.
/// </summary>
internal static class RegistryFaults
{
    public static void Plan(FileEdits files, Random random, CaseLog log)
    {
        var onManifest = random.Next(2) == 0;
        var target = onManifest ? "manifests" : "blobs";
        var reach = onManifest ? Reach.Manifest : Reach.Blobs;
        var (fault, times, description) = random.Next(7) switch
        {
            0 => (Fault.Status(429, random.Next(2) == 0 ? "100000" : "1"), 1, "429 with Retry-After"),
            1 => (Fault.Status(503), 1000, "503 on every try"),
            2 => (Fault.Status(new[] { 401, 403, 404, 500 }[random.Next(4)]), 1000, "an error status on every try"),
            3 => (Fault.ResetAfter(random.Next(0, 600)), random.Next(1, 4), "a connection reset"),
            4 => (Fault.Truncate(random.Next(0, 400)), 1000, "a body shorter than its Content-Length on every try"),
            5 => (Fault.CorruptByte(random.Next(0, 200)), 1000, "one corrupted byte on every try"),
            _ => (Fault.RedirectTo(new Uri(new[] { "file:///etc/passwd", "ftp://127.0.0.1/x", "http://127.0.0.1:1/v2/" }[random.Next(3)])), 1000, "a redirect elsewhere"),
        };
        log.Add($"registry fault on {target}: {description} ({fault}) x{times}");
        if (times == 1000 && description != "a redirect elsewhere")
        {
            log.Refuse($"a registry answering {description}", reach);
        }
        files.Fault = (fault, request => request.Path.Contains($"/{target}/", StringComparison.Ordinal), times);
    }
}
