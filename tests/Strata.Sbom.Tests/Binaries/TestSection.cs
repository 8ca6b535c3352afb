namespace Strata.Sbom.Tests.Binaries;

/// <summary>
/// A section of a test executable: loaded at <paramref name="Address"/> (0: not loaded), writable or not.
/// <paramref name="ClaimedSize"/> overrides the size the headers state, to make a section run past the end of the file.
/// </summary>
internal sealed record TestSection(string Name, byte[] Data, ulong Address = 0, bool Writable = false, ulong? ClaimedSize = null)
{
    public ulong Size => ClaimedSize ?? (ulong)Data.Length;
}
