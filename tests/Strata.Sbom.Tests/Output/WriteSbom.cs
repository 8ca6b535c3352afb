using Strata.Sbom.Model;
using Strata.Sbom.Output;

namespace Strata.Sbom.Tests.Output;

/// <summary>Runs a writer into memory.</summary>
public static class WriteSbom
{
    public static byte[] CycloneDx(SbomDocument document, SbomWriteOptions options) => Write(SbomFormats.WriteCycloneDx, document, options);

    public static byte[] Spdx(SbomDocument document, SbomWriteOptions options) => Write(SbomFormats.WriteSpdx, document, options);

    private static byte[] Write(Action<SbomDocument, Stream, SbomWriteOptions> writer, SbomDocument document, SbomWriteOptions options)
    {
        using var stream = new MemoryStream();
        writer(document, stream, options);
        return stream.ToArray();
    }
}
