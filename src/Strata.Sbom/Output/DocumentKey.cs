using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Sbom.Model;

namespace Strata.Sbom.Output;

/// <summary>
/// A digest of everything a written document says, for <see cref="SbomWriteOptions.SerialFor"/>: equal inputs give
/// equal serial numbers when the time is fixed, and any difference in content gives another.
/// </summary>
internal static class DocumentKey
{
    public static string For(string format, SbomDocument document, SbomWriteOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            // Length-prefixed, so ("ab", "c") and ("a", "bc") differ; -1 marks a missing value.
            var bytes = value is null ? [] : Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(value is null ? -1 : bytes.Length));
            hash.AppendData(bytes);
        }
        void AddNumber(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

        Add(format);
        Add(options.ToolVersion);
        AddNumber(options.Timestamp.ToUnixTimeSeconds());
        Add(document.ImageName);
        Add(document.ManifestDigest);
        Add(document.ConfigDigest);
        Add(document.Platform);
        Add(document.Os?.Id);
        Add(document.Os?.VersionId);
        Add(document.Os?.PrettyName);
        AddNumber(document.Packages.Count);
        foreach (var package in document.Packages)
        {
            Add(package.Ecosystem);
            Add(package.Name);
            Add(package.Version);
            Add(package.Purl);
            Add(package.SourceName);
            Add(package.SourceVersion);
            if (package.IsApplication || package.IsDevelopment)
            {
                // Only then, so that the serials of documents without such packages stay as they were.
                Add($"application={package.IsApplication},development={package.IsDevelopment}");
            }
            AddNumber(package.Licenses.Count);
            foreach (var license in package.Licenses)
            {
                Add(license);
            }
            AddNumber(package.Locations.Count);
            foreach (var location in package.Locations)
            {
                Add(location.Path);
                AddNumber(location.Layer);
                Add(location.DiffId);
                Add(location.CreatedBy);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
