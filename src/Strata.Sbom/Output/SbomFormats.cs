using Strata.Sbom.Model;
using Strata.Sbom.Output.CycloneDx;
using Strata.Sbom.Output.Spdx;

namespace Strata.Sbom.Output;

/// <summary>The standard SBOM formats.</summary>
public static class SbomFormats
{
    /// <summary>CycloneDX 1.6 JSON.</summary>
    public static void WriteCycloneDx(SbomDocument document, Stream output, SbomWriteOptions options) =>
        CycloneDxWriter.Write(document, output, options);

    /// <summary>SPDX 2.3 JSON.</summary>
    public static void WriteSpdx(SbomDocument document, Stream output, SbomWriteOptions options) =>
        SpdxWriter.Write(document, output, options);
}
