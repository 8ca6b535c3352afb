using System.Text;
using Strata.Images;

namespace Strata.Analysis.Reading;

/// <summary>Turns a tar entry name into a clean relative path, refusing names that could never be real paths.</summary>
internal static class EntryPath
{
    /// <summary>Linux's PATH_MAX: no real file system path is longer.</summary>
    public const int MaxPathBytes = 4096;

    /// <summary>The normalised path ("" for the root itself), and whether the name was absolute.</summary>
    public static string Normalize(string name, string layerName, out bool wasAbsolute)
    {
        // A UTF-16 char is at most three UTF-8 bytes: most names are too short to need counting.
        if (name.Length > MaxPathBytes / 3 && Encoding.UTF8.GetByteCount(name) > MaxPathBytes)
        {
            throw new StrataException(
                $"{layerName}: entry name of {Encoding.UTF8.GetByteCount(name)} bytes ('{name[..Math.Min(60, name.Length)]}…') is longer than PATH_MAX ({MaxPathBytes})");
        }
        wasAbsolute = name.StartsWith('/');
        if (!NeedsCleaning(name))
        {
            return name;
        }
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new StrataException($"{layerName}: entry '{name}' climbs out of the image root with '..'");
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>The common case, <c>usr/bin/env</c>, needs no work.</summary>
    private static bool NeedsCleaning(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name[^1] == '/' || name.StartsWith("./", StringComparison.Ordinal) || name == ".")
        {
            return true;
        }
        return name.Contains("//", StringComparison.Ordinal) || name.Contains("/./", StringComparison.Ordinal)
            || name.Contains("/..", StringComparison.Ordinal) || name.StartsWith("..", StringComparison.Ordinal)
            || name.EndsWith("/.", StringComparison.Ordinal);
    }
}
