using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Strata.Analysis.Model;
using Strata.Analysis.Reading;

namespace Strata.Policy.Assessment;

/// <summary>
/// Keeps each layer's /etc/passwd during the single read, so a User given by name (<c>USER app</c>) can be told
/// from root by its uid. Only the copy the final file system shows counts. The file is small; one larger than the
/// head the reader hands over is passed by (no user database is that big).
/// </summary>
internal sealed class PasswdCaptor : IFileCaptor
{
    private const string PasswdPath = "etc/passwd";

    private readonly ConcurrentDictionary<int, string> copies = new();

    public IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head)
    {
        if (path.TrimStart('/') == PasswdPath && head.Length == size)
        {
            copies[layer] = Encoding.UTF8.GetString(head);
        }
        return null;
    }

    /// <summary>User name to uid, from the copy of /etc/passwd the final file system shows; empty when it shows none.</summary>
    public IReadOnlyDictionary<string, long> Users(ImageAnalysis analysis)
    {
        foreach (var (layer, text) in copies.OrderByDescending(c => c.Key))
        {
            var entry = analysis.Layers[layer].Entries.LastOrDefault(e => e.IsRegularFile && e.Path.TrimStart('/') == PasswdPath);
            if (entry is { IsDead: false })
            {
                return Parse(text);
            }
        }
        return new Dictionary<string, long>();
    }

    /// <summary><c>name:password:uid:gid:gecos:home:shell</c> per line; the first line for a name wins, as getpwnam reads it.</summary>
    public static IReadOnlyDictionary<string, long> Parse(string text)
    {
        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0 && !fields[0].StartsWith('#')
                && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                users.TryAdd(fields[0], uid);
            }
        }
        return users;
    }
}
