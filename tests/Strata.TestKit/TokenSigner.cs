using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Strata.TestKit;

/// <summary>
/// Signs JSON Web Tokens RS256 with a fresh RSA key and its self-signed certificate. The token header carries the
/// certificate as <c>x5c</c>, a chain of one: distribution checks that chain against its <c>rootcertbundle</c>,
/// which is this same certificate, then verifies the signature with the certificate's key.
/// </summary>
internal sealed class TokenSigner : IDisposable
{
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly string _header;

    public TokenSigner(string commonName)
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        // Backdated: Go refuses a certificate whose NotBefore is a second ahead of its clock.
        _certificate = request.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(2));
        _header = Base64Url.EncodeToString(Json(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteStartArray("x5c");
            writer.WriteStringValue(Convert.ToBase64String(_certificate.RawData));
            writer.WriteEndArray();
        }));
    }

    /// <summary>The certificate as PEM, for the registry's <c>rootcertbundle</c>.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>A compact JWT whose claims <paramref name="writeClaims"/> writes into the claims object.</summary>
    public string Sign(Action<Utf8JsonWriter> writeClaims)
    {
        var signingInput = _header + "." + Base64Url.EncodeToString(Json(writeClaims));
        var signature = _key.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
