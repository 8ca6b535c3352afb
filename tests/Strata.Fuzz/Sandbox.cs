using System.Text;

namespace Strata.Fuzz;

/// <summary>
/// One case's private tree: the input, the output folder and the cache strata may write, and a home, a temporary
/// folder, a working folder and canary files it must leave alone. Snapshots of everything but output and cache
/// show what strata touched that it had no business touching.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    /// <summary>The name of the one file inside <see cref="LeakTar"/>: seen in a report or an output, it means a local file was read as a blob.</summary>
    public const string LeakMarker = "strata-fuzz-canary-leak";

    private static readonly DateTime CanaryTime = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Sandbox(int seed)
    {
        Root = Directory.CreateTempSubdirectory($"strata-fuzz-{seed}-").FullName;
        foreach (var folder in new[] { Input, Output, Cache, Home, Temp, Work, Canary })
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(Path.Combine(Canary, "secret.txt"), "a file outside the output folder and the cache\n");
        File.WriteAllBytes(LeakTar, TarBlocks.Entry(LeakMarker, '0', Encoding.ASCII.GetBytes(LeakMarker + "\n")).Concat(new byte[1024]).ToArray());
        foreach (var file in Directory.EnumerateFiles(Canary))
        {
            File.SetLastWriteTimeUtc(file, CanaryTime);
        }
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Output => Path.Combine(Root, "out");

    public string Cache => Path.Combine(Root, "cache");

    public string Home => Path.Combine(Root, "home");

    public string Temp => Path.Combine(Root, "tmp");

    public string Work => Path.Combine(Root, "work");

    public string Canary => Path.Combine(Root, "canary");

    /// <summary>An uncompressed tar outside everything strata may read, named by the path-shaped digests some cases plant.</summary>
    /// <remarks>Its name is 64 hex digits, so <c>CANARY_FOLDER:NAME</c> looks like a digest to a parser that only checks the hex part.</remarks>
    public string LeakTar => Path.Combine(Canary, LeakName);

    public const string LeakName = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

    /// <summary>Every file and folder outside the output folder and the cache, with its size and modification time.</summary>
    public Dictionary<string, string> Snapshot()
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry.FullName == Output || entry.FullName == Cache)
                {
                    continue;
                }
                if (entry is DirectoryInfo { LinkTarget: null } directory)
                {
                    state[entry.FullName] = "folder";
                    pending.Push(directory.FullName);
                }
                else
                {
                    state[entry.FullName] = entry is FileInfo { LinkTarget: null } file
                        ? $"{file.Length} bytes, modified {file.LastWriteTimeUtc:O}"
                        : $"{entry.Attributes}, modified {entry.LastWriteTimeUtc:O}";
                }
            }
        }
        return state;
    }

    /// <summary>What differs between two snapshots, one line per path.</summary>
    public static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changes = new List<string>();
        foreach (var (path, was) in before)
        {
            if (!after.TryGetValue(path, out var now))
            {
                changes.Add($"{path} removed");
            }
            else if (now != was)
            {
                changes.Add($"{path} changed ({was} -> {now})");
            }
        }
        changes.AddRange(after.Keys.Where(path => !before.ContainsKey(path)).Select(path => $"{path} created"));
        return changes;
    }

    /// <summary>Whether any file strata wrote to the output folder holds the canary's marker.</summary>
    public bool OutputHoldsLeak() => Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
        .Any(file => new FileInfo(file) is { LinkTarget: null, Length: < 512L * 1024 * 1024 }
            && File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.ASCII.GetBytes(LeakMarker)) >= 0);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
