namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// A distribution's licence: <c>License-Expression</c> (already SPDX), else the trove classifiers whose SPDX
/// identifier is plain, else a short one-line <c>License</c> field as written.
/// </summary>
internal static class PythonLicenses
{
    private const string Prefix = "License :: ";

    private static readonly Dictionary<string, string> Classifiers = new(StringComparer.Ordinal)
    {
        ["MIT License"] = "MIT",
        ["MIT No Attribution License (MIT-0)"] = "MIT-0",
        ["Apache Software License"] = "Apache-2.0",
        ["ISC License (ISCL)"] = "ISC",
        ["Mozilla Public License 2.0 (MPL 2.0)"] = "MPL-2.0",
        ["GNU General Public License v2 (GPLv2)"] = "GPL-2.0-only",
        ["GNU General Public License v2 or later (GPLv2+)"] = "GPL-2.0-or-later",
        ["GNU General Public License v3 (GPLv3)"] = "GPL-3.0-only",
        ["GNU General Public License v3 or later (GPLv3+)"] = "GPL-3.0-or-later",
        ["GNU Lesser General Public License v2 (LGPLv2)"] = "LGPL-2.0-only",
        ["GNU Lesser General Public License v2 or later (LGPLv2+)"] = "LGPL-2.0-or-later",
        ["GNU Lesser General Public License v3 (LGPLv3)"] = "LGPL-3.0-only",
        ["GNU Lesser General Public License v3 or later (LGPLv3+)"] = "LGPL-3.0-or-later",
        ["GNU Affero General Public License v3"] = "AGPL-3.0-only",
        ["GNU Affero General Public License v3 or later (AGPLv3+)"] = "AGPL-3.0-or-later",
        ["Python Software Foundation License"] = "PSF-2.0",
        ["The Unlicense (Unlicense)"] = "Unlicense",
        ["zlib/libpng License"] = "Zlib",
        ["Boost Software License 1.0 (BSL-1.0)"] = "BSL-1.0",
        ["Eclipse Public License 2.0 (EPL-2.0)"] = "EPL-2.0",
        ["European Union Public Licence 1.2 (EUPL 1.2)"] = "EUPL-1.2",
        ["CC0 1.0 Universal (CC0 1.0) Public Domain Dedication"] = "CC0-1.0",
    };

    public static IReadOnlyList<string> From(PythonMetadata metadata)
    {
        if (metadata.First("License-Expression") is { } expression)
        {
            return [expression];
        }
        var classified = metadata.All("Classifier")
            .Where(c => c.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(c => Classifiers.GetValueOrDefault(c[(c.LastIndexOf(" :: ", StringComparison.Ordinal) + 4)..]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (classified.Count > 0)
        {
            return classified;
        }
        var declared = metadata.First("License");
        return declared is null || declared.Length > 100 || declared.Contains('\n', StringComparison.Ordinal)
            || declared.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
            ? []
            : [declared];
    }
}
