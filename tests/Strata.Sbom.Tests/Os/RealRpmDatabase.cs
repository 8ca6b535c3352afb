using System.Globalization;
using System.Text;
using Strata.Sbom.Catalogers.Rpm;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// Real rpm databases made at test time with Debian's tools: two small rpms are built with rpmbuild and installed
/// with <c>rpm --root … -i</c> into a scratch root, which writes rpmdb.sqlite (Debian's rpm has no NDB or Berkeley DB
/// writer). The same header blobs then go into a Berkeley DB hash database through db_load, the way rpm's bdb
/// backend stored them (key: the 4-byte package number), and into an NDB file laid out by <see cref="Ndb"/>.
/// </summary>
internal sealed class RealRpmDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RealRpmDatabase? _built;

    public required byte[] Sqlite { get; init; }

    public required IReadOnlyList<byte[]> Headers { get; init; }

    /// <summary>Files in the big package: enough that its header fills more than one 4096-byte page.</summary>
    public const int BigFiles = 150;

    public static async Task<RealRpmDatabase> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _built ??= await BuildAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<RealRpmDatabase> BuildAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("strata-rpm-");
        try
        {
            var top = Path.Combine(folder.FullName, "top");
            var root = Path.Combine(folder.FullName, "root");
            Directory.CreateDirectory(root);
            foreach (var (name, spec) in new[] { ("tiny", TinySpec), ("big", BigSpec) })
            {
                var specPath = Path.Combine(folder.FullName, name + ".spec");
                await File.WriteAllTextAsync(specPath, spec, cancellationToken);
                await Tool.RunAsync("rpmbuild", "rpm", ["-bb", "--quiet", "--define", "_topdir " + top, specPath], null, cancellationToken);
            }
            var rpms = Directory.GetFiles(Path.Combine(top, "RPMS"), "*.rpm", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            await Tool.RunAsync(
                "rpm", "rpm",
                ["--root", root, "--dbpath", "/var/lib/rpm", "--define", "_db_backend sqlite", "-i", "--nodeps", "--justdb", .. rpms],
                null, cancellationToken);
            var sqlite = await File.ReadAllBytesAsync(Path.Combine(root, "var", "lib", "rpm", "rpmdb.sqlite"), cancellationToken);
            return new RealRpmDatabase { Sqlite = sqlite, Headers = SqliteRpmDb.Values(sqlite, null) };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A Berkeley DB hash database holding the headers under keys 1, 2, … (and the next number under key 0) as rpm's bdb backend did, written by
    /// db_load with the given page size and byte order (1234 little-endian, 4321 big-endian).
    /// </summary>
    public async Task<byte[]> BerkeleyDbAsync(int pageSize, int byteOrder, CancellationToken cancellationToken)
    {
        var dump = new StringBuilder();
        dump.Append("VERSION=3\nformat=bytevalue\ntype=hash\n")
            .Append(CultureInfo.InvariantCulture, $"db_pagesize={pageSize}\ndb_lorder={byteOrder}\nHEADER=END\n");
        byte[] Number(int number)
        {
            var bytes = BitConverter.GetBytes(number);
            if (byteOrder == 4321)
            {
                Array.Reverse(bytes);
            }
            return bytes;
        }
        void Item(byte[] key, byte[] value) =>
            dump.Append(' ').Append(Convert.ToHexStringLower(key)).Append("\n ").Append(Convert.ToHexStringLower(value)).Append('\n');
        // Key 0 holds the next package number, as rpm's bdb backend kept it.
        Item(Number(0), Number(Headers.Count + 1));
        for (var i = 0; i < Headers.Count; i++)
        {
            Item(Number(i + 1), Headers[i]);
        }
        dump.Append("DATA=END\n");
        var folder = Directory.CreateTempSubdirectory("strata-bdb-");
        try
        {
            var path = Path.Combine(folder.FullName, "Packages");
            await Tool.RunAsync("db_load", "db-util", [path], dump.ToString(), cancellationToken);
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string TinySpec = """
        Name: tiny
        Version: 1.2
        Release: 3.fc40
        Epoch: 2
        Summary: A tiny package for Strata's tests
        License: MIT AND Apache-2.0
        Vendor: Fedora Project
        BuildArch: noarch
        %description
        A tiny package.
        %install
        mkdir -p %{buildroot}/usr/share/tiny
        echo hello > %{buildroot}/usr/share/tiny/hello.txt
        echo other > %{buildroot}/usr/share/tiny/other.txt
        %files
        %dir /usr/share/tiny
        /usr/share/tiny/hello.txt
        /usr/share/tiny/other.txt
        """;

    private static readonly string BigSpec = $$"""
        %global debug_package %{nil}
        Name: big
        Version: 0.1
        Release: 1
        Summary: A package with many files for Strata's tests
        License: GPL-2.0-or-later
        %description
        Many files.
        %install
        mkdir -p %{buildroot}/usr/share/big
        for i in $(seq 1 {{BigFiles}}); do echo $i > %{buildroot}/usr/share/big/file-with-a-long-name-number-$i.txt; done
        %files
        /usr/share/big
        """;
}
