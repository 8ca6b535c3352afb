namespace Strata.Sbom.Catalogers.Binaries;

internal enum ExecutableFormat
{
    Elf,
    Pe,
    MachO,
}
