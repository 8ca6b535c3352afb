using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Debian;

namespace Strata.Sbom.Tests.Os;

/// <summary>Licences from machine-readable Debian copyright files, as SPDX expressions.</summary>
public sealed class DebianCopyrightTests
{
    [Theory]
    [InlineData("GPL-2+", "GPL-2.0-or-later")]
    [InlineData("GPL-2", "GPL-2.0-only")]
    [InlineData("GPLv3+", "GPL-3.0-or-later")]
    [InlineData("LGPL-2.1+", "LGPL-2.1-or-later")]
    [InlineData("GFDL-NIV-1.3+", "GFDL-1.3-no-invariants-or-later")]
    [InlineData("Expat", "MIT")]
    [InlineData("BSD-3-clause", "BSD-3-Clause")]
    [InlineData("GPL-1+ or Artistic", "GPL-1.0-or-later OR Artistic-1.0-Perl")]
    [InlineData("LGPL-3+ or GPL-2+", "LGPL-3.0-or-later OR GPL-2.0-or-later")]
    [InlineData("GPL-3+ and BSD-4-clause-UC", "GPL-3.0-or-later AND BSD-4-Clause-UC")]
    [InlineData("public-domain", "LicenseRef-public-domain")]
    [InlineData("GPL-3+ with Bison exception", "LicenseRef-GPL-3-plus-with-Bison-exception")]
    [InlineData("MIT-like", "LicenseRef-MIT-like")]
    public void Debian_short_names_become_spdx_expressions(string debian, string spdx)
    {
        Assert.Equal(spdx, DebianCopyright.ToSpdx(debian));
    }

    [Fact]
    public void A_dep5_file_gives_its_distinct_licences_in_order()
    {
        const string Copyright = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: acl

            Files: *
            Copyright: 1999-2013 Andreas Gruenbacher
            License: GPL-2+

            Files: libacl/*
            Copyright: 1999-2013 Andreas Gruenbacher
            License: LGPL-2+

            License: GPL-2+
             This program is free software; you can redistribute it and/or modify
             it under the terms of the GNU General Public License.
            """;

        Assert.Equal(["GPL-2.0-or-later", "LGPL-2.0-or-later"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void A_free_form_copyright_file_gives_no_licences()
    {
        Assert.Empty(DebianCopyright.Licenses("This is the Debian prepackaged version of the GNU C Library.\n\nSee /usr/share/common-licenses/LGPL-2.1.\n"));
    }

    [Fact]
    public void The_cataloger_reads_the_copyright_of_each_package()
    {
        var run = CatalogRun.Of(
            new DpkgCataloger(),
            CatalogRun.Debian12,
            CatalogRun.Fixture("dpkg/dpkg/single", "var/lib/dpkg/status"),
            CatalogRun.File("usr/share/doc/acl/copyright", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-2+\n"),
            CatalogRun.File("usr/share/doc/acl/other/copyright", "Format: copyright-format\n\nFiles: *\nLicense: MIT\n"));

        Assert.Equal(["GPL-2.0-or-later"], run.Single("acl").Licenses);
    }
}
