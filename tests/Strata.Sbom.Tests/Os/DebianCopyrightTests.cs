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
    [InlineData("GPL-3+ with Bison exception", "GPL-3.0-or-later WITH Bison-exception-2.2")]
    [InlineData("GPL-3+ with autoconf exception", "GPL-3.0-or-later WITH Autoconf-exception-3.0")]
    [InlineData("GPL-2 with Linux-syscall-note exception", "GPL-2.0-only WITH Linux-syscall-note")]
    [InlineData("BSD-3-clause-Cambridge with BINARY LIBRARY-LIKE PACKAGES exception", "LicenseRef-BSD-3-clause-Cambridge-with-BINARY-LIBRARY-LIKE-PACKAGES-exception")]
    [InlineData("MIT-like", "LicenseRef-MIT-like")]
    [InlineData("BSD-2", "BSD-2-Clause")]
    [InlineData("BSD-3", "BSD-3-Clause")]
    [InlineData("BSD-2-clause-NetBSD", "BSD-2-Clause-NetBSD")]
    [InlineData("MPL-2", "MPL-2.0")]
    [InlineData("Apache-2", "Apache-2.0")]
    [InlineData("CC0 license", "CC0-1.0")]
    [InlineData("PSF-2", "PSF-2.0")]
    [InlineData("Latex2e", "Latex2e")]
    [InlineData("BSL-1", "BSL-1.0")]
    [InlineData("LGPLv3+_or_GPLv2+", "LGPL-3.0-or-later OR GPL-2.0-or-later")]
    [InlineData("GPL-2+ or Artistic, and BSD-3-clause", "(GPL-2.0-or-later OR Artistic-1.0-Perl) AND BSD-3-Clause")]
    [InlineData("Expat or GPL-2+ and LGPL-2.1+", "MIT OR (GPL-2.0-or-later AND LGPL-2.1-or-later)")]
    [InlineData("GPL-2+ or GPL-2+", "GPL-2.0-or-later")]
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
    public void Packages_whose_copyright_files_hold_the_same_bytes_each_get_the_licences_and_a_different_file_its_own()
    {
        const string Perl = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-1+ or Artistic\n";
        const string Zlib = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: Zlib\n";
        const string Status = "Package: perl\nVersion: 1\nStatus: install ok installed\n\n"
            + "Package: perl-base\nVersion: 1\nStatus: install ok installed\n\n"
            + "Package: zlib1g\nVersion: 1\nStatus: install ok installed\n";

        var run = CatalogRun.Of(
            new DpkgCataloger(),
            CatalogRun.Debian12,
            CatalogRun.File("var/lib/dpkg/status", Status),
            CatalogRun.File("usr/share/doc/perl/copyright", Perl),
            CatalogRun.File("usr/share/doc/perl-base/copyright", Perl),
            CatalogRun.File("usr/share/doc/zlib1g/copyright", Zlib));

        Assert.Equal(["GPL-1.0-or-later OR Artistic-1.0-Perl"], run.Single("perl").Licenses);
        Assert.Equal(["GPL-1.0-or-later OR Artistic-1.0-Perl"], run.Single("perl-base").Licenses);
        Assert.Equal(["Zlib"], run.Single("zlib1g").Licenses);
    }

    [Fact]
    public void Repeated_terms_are_given_once_and_an_and_of_names_is_split_into_its_terms()
    {
        const string Copyright = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

            Files: *
            License: GPL-3+

            Files: lib/*
            License: GPL-3+ and BSD-4-clause-UC

            Files: man/*
            License: GPL-3+ and BSD-4-clause-UC, and ISC

            Files: doc/*
            License: ISC
            """;

        Assert.Equal(["GPL-3.0-or-later", "BSD-4-Clause-UC", "ISC"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void The_draft_dep5_format_url_and_a_header_licence_without_text_are_read()
    {
        const string Copyright = """
            Format: http://dep.debian.net/deps/dep5
            Upstream-Name: isl
            License: MIT

            Files: *
            Copyright: 2008-2011 Sven Verdoolaege
            License: MIT

            Files: debian/*
            Copyright: 2011 Matthias Klose
            License: GPL-2+
            """;

        Assert.Equal(["MIT", "GPL-2.0-or-later"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void A_dep5_file_whose_licence_fields_name_nothing_falls_back_to_its_references()
    {
        const string Copyright = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

            Files: *
            Copyright: 2020 Someone
            License:
             This program is free software; you can redistribute it under the terms of the GNU Lesser General
             Public License, version 3. On Debian systems the text is in /usr/share/common-licenses/LGPL-3.
            """;

        Assert.Equal(["LGPL-3.0-only"], DebianCopyright.Licenses(Copyright));
    }

    [Theory]
    [InlineData("either version 2 of the License, or\n(at your option) any later version.", "GPL-2", "GPL-2.0-or-later")]
    [InlineData("version 2 as published by the Free Software Foundation.", "GPL-2", "GPL-2.0-only")]
    [InlineData("the GNU General Public License (\"GPL\") version 2 or any\n later version, in which case", "GPL-2", "GPL-2.0-or-later")]
    [InlineData("either version 3 of the License, or (at your option) any later version.", "GPL", "GPL-3.0-or-later")]
    [InlineData("under the terms of the GNU General Public License, version 2.", "GPL", "GPL-2.0-only")]
    [InlineData("Parts of this work are licensed under the terms of the GNU General Public License.", "GPL", "GPL-1.0-or-later")]
    [InlineData("either version 2.1 of the License, or (at your option) any later version.", "LGPL-2.1", "LGPL-2.1-or-later")]
    [InlineData("either version 2.1 of the License, or (at your option) any later version.", "LGPL", "LGPL-2.1-or-later")]
    [InlineData("Library General Public License.", "LGPL-2", "LGPL-2.0-only")]
    [InlineData("GNU Lesser General Public License version 3.", "LGPL-3", "LGPL-3.0-only")]
    [InlineData("GNU Free Documentation License, Version 1.3 or any later version", "GFDL-1.3", "GFDL-1.3-or-later")]
    [InlineData("The documentation is licensed under the GNU Free Documentation License (v1.2).", "GFDL-1.2", "GFDL-1.2-only")]
    [InlineData("Licensed under the Apache License, Version 2.0.", "Apache-2.0", "Apache-2.0")]
    [InlineData("under the same terms as Perl itself: the Artistic License", "Artistic", "Artistic-1.0-Perl")]
    [InlineData("Redistribution and use in source and binary forms are permitted (BSD).", "BSD", "BSD-3-Clause")]
    [InlineData("This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.", "MPL-2.0", "MPL-2.0")]
    [InlineData("Mozilla Public License 1.1.", "MPL-1.1", "MPL-1.1")]
    [InlineData("To the extent possible under law, the authors have waived all rights.", "CC0-1.0", "CC0-1.0")]
    public void A_free_text_file_gives_the_licence_of_each_common_licenses_reference(string grant, string file, string spdx)
    {
        var copyright = $"""
            This is the Debian prepackaged version of something.

            Copyright (C) 2001 Someone

            This program is free software; you can redistribute it and/or modify it under the
            terms it names: {grant}

            This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.

            On Debian systems, the complete text of the licence can be found in `/usr/share/common-licenses/{file}'.
            """;

        Assert.Equal([spdx], DebianCopyright.Licenses(copyright));
    }

    [Fact]
    public void Each_section_of_a_free_text_file_has_its_own_grant()
    {
        const string Copyright = """
            The library is free software; you can redistribute it under the terms of the GNU Lesser General
            Public License as published by the Free Software Foundation; either version 2.1 of the License,
            or (at your option) any later version.

            On Debian systems, the complete text of the GNU Library General Public License can be found in
            `/usr/share/common-licenses/LGPL-2.1'.
            ------------------------------------------------------------------------------

            The Debian specific changes are distributed under the terms of the GNU General Public License,
            version 2.

            On Debian systems, the complete text of the GNU General Public License can be found in
            `/usr/share/common-licenses/GPL-2'.
            """;

        Assert.Equal(["LGPL-2.1-or-later", "GPL-2.0-only"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void A_plain_reference_beside_a_numbered_one_of_the_same_licence_adds_nothing()
    {
        const string Copyright = """
            On Debian systems, the complete text of the latest version of the GNU Lesser General Public
            License can be found in `/usr/share/common-licenses/LGPL' and v3 of the license in
            `/usr/share/common-licenses/LGPL-3'.
            """;

        Assert.Equal(["LGPL-3.0-only"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void A_free_text_file_gives_its_license_lines_that_name_licences_and_not_those_that_start_a_text()
    {
        const string Copyright = """
            This package was debianized by someone.

            Files: lib/x509/*.c
            License: Expat

            Files: fuzz/*
            License: CC0 license

            Files: Modules/_decimal/*
            License: Permission is hereby granted, free of charge, to any person obtaining
              a copy of this software.

            License: By obtaining, using, and/or copying this software and/or its
              associated documentation, you agree.

            License: LGPLv3+_or_GPLv2+
            """;

        Assert.Equal(["MIT", "CC0-1.0", "LGPL-3.0-or-later OR GPL-2.0-or-later"], DebianCopyright.Licenses(Copyright));
    }

    [Fact]
    public void A_licence_field_too_long_to_be_names_is_not_read_as_an_expression()
    {
        var nested = string.Concat(Enumerable.Repeat("GPL-2+, or MIT, and ", 100_000)) + "ISC";
        var copyright = $"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: {nested}\n\nFiles: lib/*\nLicense: Zlib\n";

        Assert.Equal(["Zlib"], DebianCopyright.Licenses(copyright));
        Assert.Null(DebianCopyright.ToSpdx(nested));
    }

    [Fact]
    public void A_free_text_file_without_a_licence_gives_none()
    {
        Assert.Empty(DebianCopyright.Licenses("This package was put together by someone.\n\nIt is in the public domain.\n"));
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
