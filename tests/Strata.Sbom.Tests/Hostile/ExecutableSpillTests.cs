using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Binaries;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// Large executables go to a temporary file instead of memory, and only those holding a mark the executable catalogers
/// look for are read back: what is cataloged must not change, whichever way a file went.
/// </summary>
public sealed class ExecutableSpillTests
{
    private static readonly byte[] Audit = CargoAudit.Compress(CargoAudit.ThreeCrates);

    [Theory]
    [InlineData(13)]
    [InlineData(4093)]
    public void A_spilled_Go_executable_is_cataloged_as_one_held_in_memory(int chunk)
    {
        var binary = BinaryImages.GoWithReplacement();

        var (packages, warnings) = Feed(binary, spillThreshold: 0, chunk);

        Assert.Contains(packages, p => p.Name == "binary_with_module_replacement");
        Assert.Contains(packages, p => p.Name == "stdlib");
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_spilled_auditable_Rust_executable_is_cataloged()
    {
        var elf = TestElf.Build([new(".text", new byte[64], 0x401000), new(".dep-v0", Audit)]);

        var (packages, _) = Feed(elf, spillThreshold: 0, chunk: 7);

        // ThreeCrates: serde is a runtime crate, cc a build-time one (not in the executable).
        Assert.Contains(packages, p => p.Name == "serde" && p.Version == "1.0.197");
        Assert.DoesNotContain(packages, p => p.Name == "cc");
    }

    [Fact]
    public void A_spilled_truncated_Rust_executable_still_says_what_is_wrong()
    {
        var elf = TestElf.Build([new(".dep-v0", Audit, ClaimedSize: 1 << 20)]);

        var (packages, warnings) = Feed(elf, spillThreshold: 0, chunk: 4096);

        Assert.Empty(packages);
        Assert.Contains(warnings, w => w.Contains("/usr/bin/tool", StringComparison.Ordinal) && w.Contains("runs past the end of the file", StringComparison.Ordinal));
    }

    [Fact]
    public void An_executable_without_marks_yields_nothing_either_way()
    {
        // A C program's ELF: GCC's own "GNU Go" language name (with its padding) is not the Go note.
        var elf = TestElf.Build([new(".text", new byte[4096], 0x401000), new(".rodata", "GNU Go\0\0\0\0GNU C17\0"u8.ToArray(), 0x402000)]);

        var spilled = Feed(elf, spillThreshold: 0, chunk: 100);
        var held = Feed(elf, spillThreshold: long.MaxValue, chunk: 100);

        Assert.Empty(spilled.Packages);
        Assert.Empty(spilled.Warnings);
        Assert.Empty(held.Packages);
        Assert.Empty(held.Warnings);
    }

    public static TheoryData<string> MarkTexts() =>
    [
        "\u00ff Go buildinf:",
        ".go.buildinfo",
        ".note.go.buildid",
        "__go_buildinfo",
        "\u00ff Go build ID: \"",
        ".dep-v0",
        ".rust-deps-v0",
    ];

    [Theory]
    [MemberData(nameof(MarkTexts))]
    public void A_mark_split_across_any_two_chunks_is_found(string text)
    {
        var mark = text.Select(c => (byte)c).ToArray();
        for (var split = 0; split <= mark.Length; split++)
        {
            var stream = new byte[100].Concat(mark).Concat(new byte[100]).ToArray();
            var marks = new ExecutableMarks();
            marks.Scan(stream.AsSpan(0, 100 + split));
            // The rest a byte at a time: the seam is carried over more than one short chunk.
            for (var i = 100 + split; i < stream.Length; i++)
            {
                marks.Scan(stream.AsSpan(i, 1));
            }
            Assert.True(marks.Found, $"{text} split after {split} bytes");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_Go_note_is_a_mark_in_either_byte_order(bool bigEndian)
    {
        // A note header (name size 4, descriptor size 8, type 4) then its name, as the Go linker writes it.
        var note = new ByteWriter(bigEndian);
        note.U32(0, 4);
        note.U32(4, 8);
        note.U32(8, 4);
        note.Text(12, "Go\0\0");
        var marks = new ExecutableMarks();

        marks.Scan(note.ToArray());

        Assert.True(marks.Found);
    }

    [Fact]
    public void Bytes_without_marks_are_not_taken_for_one()
    {
        var marks = new ExecutableMarks();

        marks.Scan("GNU Go\0\0 Go build go-build dep_v0 deps.v0 Go buildinfo"u8);

        Assert.False(marks.Found);
    }

    private static (List<Package> Packages, List<string> Warnings) Feed(byte[] binary, long spillThreshold, int chunk)
    {
        var warnings = new List<string>();
        var captor = new PackageCaptor(CatalogerRegistry.All(), warnings.Add, (layer, path) => new PackageLocation("/" + path, layer, "sha256:l", "COPY"))
        {
            SpillThreshold = spillThreshold,
        };
        // As the layer reader does: the first chunk as far as its buffer goes, so the captor can judge the file by its head.
        var head = Math.Min(binary.Length, 4096);
        var sink = captor.Open(0, "usr/bin/tool", binary.Length, 0x1ED, binary.AsSpan(0, head));
        Assert.NotNull(sink);
        for (var at = head; at < binary.Length; at += chunk)
        {
            sink.Write(binary.AsSpan(at, Math.Min(chunk, binary.Length - at)));
        }
        sink.Complete();
        return (captor.CatalogedOnArrival.Select(c => c.Package).ToList(), warnings);
    }
}
