using System.Text.Json;
using Strata.Images.Output;
using Strata.Sbom.Model;

namespace Strata.Sbom.Output;

/// <summary>Strata's own SBOM model as JSON: the image, its OS, and every package with its locations.</summary>
public static class StrataJsonWriter
{
    public static void Write(SbomDocument document, Stream output)
    {
        using var json = SbomJson.Open(output);
        json.WriteStartObject();
        json.WriteStartObject("image");
        json.WriteString("name", document.ImageName);
        json.WriteString("manifestDigest", document.ManifestDigest);
        json.WriteString("configDigest", document.ConfigDigest);
        json.WriteString("platform", document.Platform);
        json.WriteEndObject();
        if (document.Os is { } os)
        {
            json.WriteStartObject("os");
            json.WriteString("id", os.Id);
            json.WriteString("versionId", os.VersionId);
            json.WriteString("prettyName", os.PrettyName);
            json.WriteString("versionCodename", os.VersionCodename);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("os");
        }
        json.WriteStartArray("packages");
        foreach (var package in document.Packages)
        {
            json.WriteStartObject();
            json.WriteString("ecosystem", package.Ecosystem);
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("purl", package.Purl);
            if (package.SourceName is not null)
            {
                json.WriteString("sourceName", package.SourceName);
                json.WriteString("sourceVersion", package.SourceVersion);
            }
            if (package.Architecture is not null)
            {
                json.WriteString("architecture", package.Architecture);
            }
            if (package.IsApplication)
            {
                json.WriteBoolean("application", true);
            }
            if (package.IsDevelopment)
            {
                json.WriteBoolean("development", true);
            }
            json.WriteStringArray("licenses", package.Licenses);
            json.WriteStartArray("locations");
            foreach (var location in package.Locations)
            {
                json.WriteStartObject();
                json.WriteString("path", location.Path);
                json.WriteNumber("layer", location.Layer);
                json.WriteString("diffId", location.DiffId);
                json.WriteString("createdBy", location.CreatedBy);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            SbomJson.FlushIfFull(json);
        }
        json.WriteEndArray();
        json.WriteStringArray("warnings", document.Warnings);
        json.WriteEndObject();
    }
}
