using System.Buffers.Binary;
using System.Text;
using Strata.Sbom.Catalogers.Binaries;

namespace Strata.Sbom.Catalogers.Go;

/// <summary>
/// Finds and decodes the build information blob the Go linker leaves in executables: a 16-byte-aligned 32-byte header starting
/// with <c>\xff Go buildinf:</c>, then (Go 1.18 and later) the version and module strings inline, or (before) pointers to them.
/// </summary>
internal static class GoBuildInfoReader
{
    private const int HeaderSize = 32;
    private const int Align = 16;
    private const int FlagBigEndian = 1;
    private const int FlagInline = 2;
    private const ulong MaxStringLength = 16 << 20;

    private static readonly byte[] Magic = [0xff, .. " Go buildinf:"u8];

    /// <summary>
    /// The build info, or null: with <paramref name="problem"/> null when there is none (not a Go executable),
    /// or saying what is wrong when it is there but cannot be read.
    /// </summary>
    public static GoBuildInfo? Read(ReadOnlyMemory<byte> content, IReadOnlyList<ExecutableFile> images, out string? problem)
    {
        problem = null;
        foreach (var image in images)
        {
            if (PreferredRange(image) is var (address, offset, length))
            {
                var region = Clip(image.Image.Data.Span, offset, length);
                if (Search(region, address, image, ref problem) is { } found)
                {
                    return found;
                }
            }
        }
        // Damaged headers, or an unusual layout: any aligned header in the whole file.
        if (problem is null && Search(content.Span, 0, images.Count == 1 ? images[0] : null, ref problem) is { } anywhere)
        {
            return anywhere;
        }
        if (problem is null && images.Select(NamedSection).FirstOrDefault(s => s is not null) is { } section)
        {
            problem = $"section {section.Name} holds no build info header";
        }
        return null;
    }

    /// <summary>Where the linker puts the blob: its own section, else the start of the first writable data segment.</summary>
    private static (ulong Address, ulong Offset, ulong Length)? PreferredRange(ExecutableFile image)
    {
        if (NamedSection(image) is { } section)
        {
            return (section.Address, section.FileOffset, section.FileSize);
        }
        var data = image.Segments.FirstOrDefault(s =>
            s.Kind == SegmentKind.Load && s.Writable && !s.Executable && s.FileSize > 0 && s.Address != 0 && s.Name != "__PAGEZERO");
        return data is null ? null : (data.Address, data.FileOffset, data.FileSize);
    }

    private static ExecutableSection? NamedSection(ExecutableFile image) => image.Format switch
    {
        ExecutableFormat.Elf => image.Section(".go.buildinfo"),
        ExecutableFormat.MachO => image.Section("__go_buildinfo"),
        _ => null,
    };

    private static GoBuildInfo? Search(ReadOnlySpan<byte> region, ulong address, ExecutableFile? image, ref string? problem)
    {
        var start = 0;
        while (start < region.Length)
        {
            var found = region[start..].IndexOf(Magic);
            if (found < 0)
            {
                return null;
            }
            var at = start + found;
            start = at + 1;
            if ((address + (ulong)at) % Align != 0)
            {
                continue;
            }
            var blob = region[at..];
            if (blob.Length < Align)
            {
                problem ??= "is cut short: the file ends inside its header";
                return null;
            }
            var pointerSize = blob[14];
            var flags = blob[15];
            if (pointerSize is not (4 or 8) || (flags & ~(FlagBigEndian | FlagInline)) != 0)
            {
                continue;
            }
            var decoded = (flags & FlagInline) != 0 ? DecodeInline(blob, out var failure) : DecodePointers(blob, pointerSize, flags, image, out failure);
            if (decoded is not null)
            {
                return decoded;
            }
            problem ??= failure;
        }
        return null;
    }

    /// <summary>Go 1.18 and later: two varint-length-prefixed strings right after the header.</summary>
    private static GoBuildInfo? DecodeInline(ReadOnlySpan<byte> blob, out string? failure)
    {
        failure = null;
        if (blob.Length < HeaderSize)
        {
            failure = "is cut short: the file ends inside its header";
            return null;
        }
        var rest = blob[HeaderSize..];
        if (!TakeString(ref rest, out var version))
        {
            failure = "is cut short or garbled: the Go version string runs past the end of the file";
            return null;
        }
        if (!TakeString(ref rest, out var modules))
        {
            failure = "is cut short or garbled: the module information runs past the end of the file";
            return null;
        }
        return Finish(version, modules, out failure);
    }

    /// <summary>Before Go 1.18: pointers (of the target's size and byte order) to Go string headers elsewhere in the image.</summary>
    private static GoBuildInfo? DecodePointers(ReadOnlySpan<byte> blob, int pointerSize, byte flags, ExecutableFile? image, out string? failure)
    {
        failure = null;
        if (blob.Length < HeaderSize)
        {
            failure = "is cut short: the file ends inside its header";
            return null;
        }
        if (image is null)
        {
            failure = "(before Go 1.18) points into the executable's segments, which could not be read";
            return null;
        }
        var bigEndian = (flags & FlagBigEndian) != 0;
        var version = ReadGoString(image, Pointer(blob[16..], pointerSize, bigEndian), pointerSize, bigEndian);
        var modules = ReadGoString(image, Pointer(blob[(16 + pointerSize)..], pointerSize, bigEndian), pointerSize, bigEndian);
        if (version is null || modules is null)
        {
            failure = "(before Go 1.18) points outside the executable's loaded segments";
            return null;
        }
        return Finish(version, modules, out failure);
    }

    private static GoBuildInfo? Finish(ReadOnlySpan<byte> version, ReadOnlySpan<byte> modules, out string? failure)
    {
        failure = null;
        if (version.IsEmpty)
        {
            failure = "has no Go version";
            return null;
        }
        // The module text is framed by two 16-byte sentinels; without them there is none (a build outside module mode).
        var text = modules.Length >= 33 && modules[^17] == '\n' ? Encoding.UTF8.GetString(modules[16..^16]) : "";
        return new GoBuildInfo(Encoding.UTF8.GetString(version), text);
    }

    private static bool TakeString(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> value)
    {
        value = default;
        ulong length = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i >= rest.Length)
            {
                return false;
            }
            var b = rest[i];
            length |= (ulong)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                rest = rest[(i + 1)..];
                if (length > (ulong)rest.Length)
                {
                    return false;
                }
                value = rest[..(int)length];
                rest = rest[(int)length..];
                return true;
            }
        }
        return false;
    }

    private static ulong Pointer(ReadOnlySpan<byte> bytes, int size, bool bigEndian) => (size, bigEndian) switch
    {
        (4, true) => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        (4, false) => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        (_, true) => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    /// <summary>A Go string header (data pointer, length) at <paramref name="address"/>, and the bytes it points to.</summary>
    private static byte[]? ReadGoString(ExecutableFile image, ulong address, int pointerSize, bool bigEndian)
    {
        var header = image.ReadVirtual(address, (ulong)(2 * pointerSize));
        if (header.Length < 2 * pointerSize)
        {
            return null;
        }
        var data = Pointer(header, pointerSize, bigEndian);
        var length = Pointer(header[pointerSize..], pointerSize, bigEndian);
        if (length == 0)
        {
            return [];
        }
        if (length > MaxStringLength)
        {
            return null;
        }
        var bytes = image.ReadVirtual(data, length);
        return (ulong)bytes.Length == length ? bytes.ToArray() : null;
    }

    private static ReadOnlySpan<byte> Clip(ReadOnlySpan<byte> data, ulong offset, ulong length) =>
        offset >= (ulong)data.Length ? [] : data.Slice((int)offset, (int)Math.Min(length, (ulong)data.Length - offset));
}
