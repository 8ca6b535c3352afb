using Strata.Images;
using Strata.Vulnerabilities.Vex;

namespace Strata.Vulnerabilities.Tests.Vex;

/// <summary>Reading OpenVEX documents: the v0.2.0 shapes, v0.0.x's plain strings, and strict errors.</summary>
public sealed class VexDocumentTests : IDisposable
{
    private readonly VexFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Reads_a_v0_2_0_statement_with_product_identifiers_and_subcomponents()
    {
        var document = files.Load("""
            {
              "vulnerability": {"@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-44487", "name": "CVE-2023-44487", "aliases": ["GHSA-qppj-fm5r-hxr3"]},
              "timestamp": "2024-02-01T08:00:00+01:00",
              "products": [{"@id": "pkg:oci/app@sha256%3Aaaaa", "subcomponents": [{"@id": "pkg:golang/golang.org/x/net@v0.7.0"}, {"identifiers": {"purl": "pkg:golang/google.golang.org/grpc@v1.56.2"}}]}],
              "status": "not_affected",
              "justification": "vulnerable_code_not_in_execute_path",
              "impact_statement": "HTTP/2 is not served"
            }
            """);

        var statement = Assert.Single(document.Statements);
        Assert.Equal(("CVE-2023-44487", "not_affected", "vulnerable_code_not_in_execute_path", "HTTP/2 is not served"),
            (statement.Vulnerability, statement.Status, statement.Justification, statement.ImpactStatement));
        Assert.Equal(["GHSA-qppj-fm5r-hxr3"], statement.VulnerabilityAliases);
        Assert.Equal(["pkg:oci/app@sha256%3Aaaaa"], statement.Products);
        Assert.Equal(["pkg:golang/golang.org/x/net@v0.7.0", "pkg:golang/google.golang.org/grpc@v1.56.2"], Assert.Single(statement.ProductEntries).Subcomponents);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 7, 0, 0, TimeSpan.Zero), statement.Timestamp);
    }

    [Fact]
    public void Reads_v0_0_x_plain_strings_and_takes_the_documents_timestamp()
    {
        var document = files.Load("""{"vulnerability": "CVE-2021-23337", "products": ["pkg:npm/lodash@4.17.15"], "subcomponents": ["pkg:npm/x@1"], "status": "fixed"}""");

        var statement = Assert.Single(document.Statements);
        Assert.Equal(("CVE-2021-23337", "fixed"), (statement.Vulnerability, statement.Status));
        Assert.Equal(["pkg:npm/lodash@4.17.15"], statement.Products);
        Assert.Equal(["pkg:npm/x@1"], Assert.Single(statement.ProductEntries).Subcomponents);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 12, 0, 0, TimeSpan.Zero), statement.Timestamp);
    }

    public static TheoryData<string, string> BadStatements => new()
    {
        { """{"products": ["pkg:npm/a@1"], "status": "fixed"}""", "statements[0].vulnerability: missing" },
        { """{"vulnerability": 5, "products": ["pkg:npm/a@1"], "status": "fixed"}""", "statements[0].vulnerability: expected an object or a string, found a number" },
        { """{"vulnerability": {"@id": "x"}, "products": ["pkg:npm/a@1"], "status": "fixed"}""", "statements[0].vulnerability.name: missing or empty" },
        { """{"vulnerability": {"name": "CVE-1", "aliases": [1]}, "products": ["pkg:npm/a@1"], "status": "fixed"}""", "statements[0].vulnerability.aliases[0]: expected a string, found a number" },
        { """{"vulnerability": "CVE-1", "status": "fixed"}""", "statements[0].products: missing or empty" },
        { """{"vulnerability": "CVE-1", "products": [{"hashes": {}}], "status": "fixed"}""", "statements[0].products[0]: neither @id nor identifiers" },
        { """{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "status": "fine"}""", "statements[0].status: 'fine' is not one of affected, fixed, not_affected, under_investigation" },
        { """{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "status": "not_affected"}""", "statements[0]: a not_affected statement needs a justification or an impact_statement" },
        { """{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "status": "not_affected", "justification": "trust_me"}""", "statements[0].justification: 'trust_me' is not one of" },
        { """{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "status": "fixed", "timestamp": "yesterday"}""", "statements[0].timestamp: 'yesterday' is not an RFC 3339 time" },
        { """{"vulnerability": "CVE-1", "products": "pkg:npm/a@1", "status": "fixed"}""", "statements[0].products: expected an array, found a string" },
    };

    [Theory]
    [MemberData(nameof(BadStatements))]
    public void A_bad_statement_is_an_error_naming_the_file_and_field(string statement, string expected)
    {
        var file = files.Write(statement);

        var error = Assert.Throws<StrataException>(() => VexDocument.Load(file));

        Assert.Equal(file + "." + expected, error.Message[..Math.Min(error.Message.Length, file.Length + 1 + expected.Length)]);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{"@id": "x", "author": "a", "timestamp": "2024-01-01T00:00:00Z", "statements": []}""", ".@context: missing or empty")]
    [InlineData("""{"@context": "https://example.com/csaf", "@id": "x", "author": "a", "timestamp": "2024-01-01T00:00:00Z", "statements": []}""", ".@context: 'https://example.com/csaf' is not an OpenVEX namespace")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "author": "a", "timestamp": "2024-01-01T00:00:00Z", "statements": []}""", ".@id: missing or empty")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "timestamp": "2024-01-01T00:00:00Z", "statements": []}""", ".author: missing or empty")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "statements": []}""", ".timestamp: missing or empty")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2024-01-01T00:00:00Z"}""", ".statements: missing")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2024-01-01T00:00:00Z", "statements": {}}""", ".statements: expected an array, found an object")]
    [InlineData("""{"@context": 1}""", ".@context: expected a string, found a number")]
    [InlineData("""[]""", ": the document: expected an object, found an array")]
    [InlineData("""{"@context": """, ": not a JSON VEX document")]
    public void A_bad_document_is_an_error_naming_the_file_and_field(string json, string expected)
    {
        var file = files.WriteRaw(json);

        var error = Assert.Throws<StrataException>(() => VexDocument.Load(file));

        Assert.StartsWith(file + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_over_the_bound_is_refused_before_it_is_read()
    {
        var file = files.WriteRaw("");
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(32L * 1024 * 1024 + 1); // sparse: nothing is written
        }

        var error = Assert.Throws<StrataException>(() => VexDocument.Load(file));

        Assert.Equal($"{file}: the VEX document is 33,554,433 bytes, more than the 33,554,432 allowed", error.Message);
    }
}
