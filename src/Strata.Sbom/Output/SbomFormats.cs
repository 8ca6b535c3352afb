using Strata.Sbom.Model;

namespace Strata.Sbom.Output;

/// <summary>The standard SBOM formats.</summary>
public static class SbomFormats
{
    public static void WriteCycloneDx(SbomDocument document, Stream output, SbomWriteOptions options) =>
        throw new Images.StrataException("cyclonedx-json: not yet available");

    public static void WriteSpdx(SbomDocument document, Stream output, SbomWriteOptions options) =>
        throw new Images.StrataException("spdx-json: not yet available");
}
