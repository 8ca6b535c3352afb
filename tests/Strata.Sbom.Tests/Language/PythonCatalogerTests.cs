using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Language;

public sealed class PythonCatalogerTests
{
    private const string SitePackages = "usr/local/lib/python3.12/site-packages/";

    /// <summary>Each python fixture, where it is installed, and the name, version, purl and licences (or the warning) it gives.</summary>
    public static readonly TheoryData<string, string, string?, string?, string[], string?> Cases = new()
    {
        { "python/wheelegg/distinfo_meta", "pip-22.2.2.dist-info/METADATA", "pip 22.2.2", "pkg:pypi/pip@22.2.2", ["MIT"], null },
        { "python/wheelegg/egginfo", "pycups-2.0.1.egg-info", "pycups 2.0.1", "pkg:pypi/pycups@2.0.1", ["GPLv2+"], null },
        { "python/wheelegg/egginfo_pkginfo", "setuptools-57.4.0.egg-info/PKG-INFO", "setuptools 57.4.0", "pkg:pypi/setuptools@57.4.0", ["MIT"], null },
        { "python/wheelegg/empty", "empty-1.0.dist-info/METADATA", null, null, [], "no metadata fields" },
        { "python/wheelegg/malformed_pkginfo", "passlib-1.7.4.egg-info/PKG-INFO", "passlib 1.7.4", "pkg:pypi/passlib@1.7.4", ["BSD"], null },
        { "python/wheelegg/mixed_case", "httplib2-1.0.dist-info/METADATA", "httplib2 1.0", "pkg:pypi/httplib2@1.0", [], null },
        { "python/wheelegg/pkginfo", "httplib2-0.20.4.egg-info/PKG-INFO", "httplib2 0.20.4", "pkg:pypi/httplib2@0.20.4", ["MIT"], null },
        { "python/wheelegg/pyopenssl-26.0.0.dist-info", "pyOpenSSL-26.0.0.dist-info/METADATA", "pyOpenSSL 26.0.0", "pkg:pypi/pyopenssl@26.0.0", ["Apache-2.0"], null },
        { "python/wheelegg/repeated_pkginfo", "root-1.0.0.dist-info/METADATA", "root 1.0.0", "pkg:pypi/root@1.0.0", [], null },
        { "python/wheelegg/special_chars", "backports.ssl_match_hostname-3.5.0.1.egg-info/PKG-INFO", "backports.ssl_match_hostname 3.5.0.1", "pkg:pypi/backports-ssl-match-hostname@3.5.0.1", [], null },
        { "python/wheelegg/monotonic-1.6-py3.10.egg", "monotonic-1.6-py3.10.egg", "monotonic 1.6", "pkg:pypi/monotonic@1.6", ["Apache-2.0"], null },
        { "python/wheelegg/monotonic_no_pkginfo-1.6-py3.10.egg", "monotonic_no_pkginfo-1.6-py3.10.egg", null, null, [], "no EGG-INFO/PKG-INFO in the egg" },
    };

    /// <summary>Fixtures that are not installed metadata, and are not asked for.</summary>
    public static readonly string[] NotWanted = ["python/wheelegg/monotonic-1.6-py2.py3-none-any.whl"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_fixture_gives_its_package_or_a_warning_naming_the_file(
        string fixture, string installed, string? nameAndVersion, string? purl, string[] licenses, string? warning)
    {
        var path = SitePackages + installed;
        var harness = new LanguageHarness(new PythonCataloger()).File(path, LanguageFixtures.Bytes(fixture), layer: 1);

        var packages = harness.Run();

        if (purl is null)
        {
            Assert.Empty(packages);
            Assert.Equal([$"/{path}: {warning}"], harness.Warnings);
            return;
        }
        Assert.Empty(harness.Warnings);
        var package = Assert.Single(packages);
        Assert.Equal(nameAndVersion, $"{package.Name} {package.Version}");
        Assert.Equal(purl, package.Purl);
        Assert.Equal(licenses, package.Licenses);
        Assert.Equal(("/" + path, 1), (package.Locations[0].Path, package.Locations[0].Layer));
    }

    [Fact]
    public void A_wheel_lying_in_the_file_system_is_not_an_installed_package()
    {
        Assert.All(NotWanted, fixture => Assert.False(new PythonCataloger().WantsPath("tmp/" + Path.GetFileName(fixture))));
    }

    [Theory]
    [InlineData("usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO", true)]
    [InlineData("usr/lib/python3/dist-packages/six-1.16.0.egg-info", true)]
    [InlineData("venv/lib/python3.12/site-packages/flask-3.0.0.dist-info/METADATA", true)]
    [InlineData("usr/lib/python3/site-packages/foo-1.0-py3.10.egg", true)]
    [InlineData("usr/lib/python3/site-packages/foo-1.0-py3.10.egg/EGG-INFO/PKG-INFO", true)]
    [InlineData("venv/lib/python3.12/site-packages/flask-3.0.0.dist-info/RECORD", false)]
    [InlineData("venv/lib/python3.12/site-packages/flask/METADATA", false)]
    [InlineData("tmp/flask-3.0.0-py3-none-any.whl", false)]
    public void Wants_installed_metadata_and_eggs(string path, bool wanted) => Assert.Equal(wanted, new PythonCataloger().WantsPath(path));

    [Theory]
    [InlineData("Flask", "flask")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("typing_extensions", "typing-extensions")]
    [InlineData("a-_.b__c", "a-b-c")]
    public void Names_are_normalised_as_pep_503_says(string name, string normalised) => Assert.Equal(normalised, PythonCataloger.NormalizeName(name));

    [Fact]
    public void License_expression_wins_over_classifiers_and_the_license_field()
    {
        var metadata = "Metadata-Version: 2.4\nName: x\nVersion: 1\nLicense: anything\nLicense-Expression: MIT OR Apache-2.0\nClassifier: License :: OSI Approved :: MIT License\n";

        var package = Assert.Single(new LanguageHarness(new PythonCataloger()).File("site-packages/x-1.dist-info/METADATA", metadata).Run());

        Assert.Equal(["MIT OR Apache-2.0"], package.Licenses);
    }

    [Fact]
    public void A_license_field_holding_the_whole_licence_text_is_not_a_licence_name()
    {
        var metadata = "Name: x\nVersion: 1\nLicense: Copyright (c) 2020 Someone\n        Permission is hereby granted, free of charge\n";

        var package = Assert.Single(new LanguageHarness(new PythonCataloger()).File("site-packages/x-1.dist-info/METADATA", metadata).Run());

        Assert.Empty(package.Licenses);
    }

    [Fact]
    public void Missing_name_or_version_and_a_corrupt_egg_are_warnings_and_the_other_files_still_count()
    {
        var harness = new LanguageHarness(new PythonCataloger())
            .File("sp/a-1.dist-info/METADATA", "Metadata-Version: 2.1\nVersion: 1\n")
            .File("sp/b-1.dist-info/METADATA", "Metadata-Version: 2.1\nName: b\n")
            .File("sp/c-1.egg", "not a zip at all, just text"u8.ToArray())
            .File("sp/d-1.dist-info/METADATA", [0x4E, 0x61, 0x6D, 0x65, 0x3A, 0xFF, 0xFE])
            .File("sp/ok-2.dist-info/METADATA", "Name: ok\nVersion: 2\n");

        var package = Assert.Single(harness.Run());

        Assert.Equal("pkg:pypi/ok@2", package.Purl);
        Assert.Equal(4, harness.Warnings.Count);
        Assert.Equal("/sp/a-1.dist-info/METADATA: no Name field", harness.Warnings[0]);
        Assert.Equal("/sp/b-1.dist-info/METADATA: no Version field for b", harness.Warnings[1]);
        Assert.StartsWith("/sp/c-1.egg: not a readable archive", harness.Warnings[2], StringComparison.Ordinal);
        Assert.Equal("/sp/d-1.dist-info/METADATA: not valid UTF-8 text", harness.Warnings[3]);
    }

    [Fact]
    public void A_zipped_egg_whose_metadata_inflates_too_far_is_a_warning()
    {
        var egg = TestZip.Create(("EGG-INFO/PKG-INFO", new byte[2 * 1024 * 1024]));
        var harness = new LanguageHarness(new PythonCataloger()).File("sp/big-1.egg", egg);

        Assert.Empty(harness.Run());
        Assert.Contains("inflates to more than", Assert.Single(harness.Warnings), StringComparison.Ordinal);
    }
}
