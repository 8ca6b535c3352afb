using System.Text;
using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Binaries;

public sealed class ExecutableMagicTests
{
    [Fact]
    public void Executables_and_shared_objects_of_every_format_are_wanted_by_their_first_bytes()
    {
        IPackageCataloger[] catalogers = [new GoBinaryCataloger(), new RustAuditCataloger()];
        byte[][] wanted =
        [
            TestElf.Build([new(".text", new byte[16], 0x401000)]),
            TestElf.Build([new(".text", new byte[16], 0x401000)], type: 3),
            TestElf.Build([new(".text", new byte[16], 0x1000)], is64: false, bigEndian: true),
            TestPe.Build([new(".text", new byte[16], 0x1000)]),
            TestMachO.Build([new("__text", new byte[16])]),
            TestMachO.Fat(TestMachO.Build([new("__text", new byte[16])])),
        ];
        foreach (var cataloger in catalogers)
        {
            Assert.All(wanted, file => Assert.True(BinaryHarness.Wants(cataloger, "any/name", file)));
            Assert.False(cataloger.WantsPath("usr/local/bin/goapp"));
        }
    }

    [Fact]
    public void Object_files_Java_classes_and_text_that_looks_like_a_header_are_not_wanted()
    {
        var go = new GoBinaryCataloger();
        byte[] javaClass = [0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x41, .. new byte[64]];
        byte[] mzText = Encoding.ASCII.GetBytes("MZ is how this text file starts, and it goes on for a while longer than sixty-four bytes.");

        Assert.False(BinaryHarness.Wants(go, "lib/x.o", TestElf.Build([new(".text", new byte[16])], type: 1)));
        Assert.False(BinaryHarness.Wants(go, "Main.class", javaClass));
        Assert.False(BinaryHarness.Wants(go, "notes.txt", mzText));
        Assert.False(BinaryHarness.Wants(go, "empty", []));
    }
}
