using System.Text.RegularExpressions;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// The licences of the shared images' Debian packages, checked against their real copyright files read here from
/// the layers: every file that points at <c>/usr/share/common-licenses/NAME</c> or names a licence in a
/// <c>License:</c> field gives its package a licence, and each such text appears as its SPDX identifier.
/// </summary>
public sealed partial class RealCopyrightFileTests
{
    /// <summary>The texts base-files ships in /usr/share/common-licenses, and the start of the SPDX identifier each stands for.</summary>
    private static readonly Dictionary<string, string> CommonLicenses = new(StringComparer.Ordinal)
    {
        ["GPL"] = "GPL-", ["GPL-1"] = "GPL-1.0-", ["GPL-2"] = "GPL-2.0-", ["GPL-3"] = "GPL-3.0-",
        ["LGPL"] = "LGPL-", ["LGPL-2"] = "LGPL-2.0-", ["LGPL-2.1"] = "LGPL-2.1-", ["LGPL-3"] = "LGPL-3.0-",
        ["GFDL"] = "GFDL-", ["GFDL-1.2"] = "GFDL-1.2", ["GFDL-1.3"] = "GFDL-1.3",
        ["Apache-2.0"] = "Apache-2.0", ["Artistic"] = "Artistic-1.0-Perl", ["BSD"] = "BSD-3-Clause",
        ["CC0-1.0"] = "CC0-1.0", ["MPL-1.1"] = "MPL-1.1", ["MPL-2.0"] = "MPL-2.0",
    };

    private static readonly HashSet<string> SpdxIds = File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot, "src", "Strata.Sbom", "Output", "Licenses", "spdx-license-ids.txt"))
        .Where(l => l.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("wasteful", 124, 20)]
    [InlineData("base", 89, 11)]
    public async Task Every_package_whose_copyright_file_names_a_licence_has_it(string tag, int packages, int freeText)
    {
        var copyrights = LayoutFiles.Read(Fixtures.OciLayout, tag, p => CopyrightFile().IsMatch(p))
            .ToDictionary(f => CopyrightFile().Match(f.Key).Groups["package"].Value, f => f.Value, StringComparer.Ordinal);
        var sbom = await OsImages.SbomAsync($"oci:{Fixtures.OciLayout}:{tag}", TestContext.Current.CancellationToken);
        var debs = sbom.Packages.Where(p => p.Ecosystem == "dpkg").ToList();
        Assert.Equal(packages, debs.Count);

        var withReferences = 0;
        var freeTextWithReferences = 0;
        var missing = new List<string>();
        foreach (var deb in debs)
        {
            if (!copyrights.TryGetValue(deb.Name, out var text))
            {
                continue;
            }
            var references = Reference().Matches(text).Select(m => m.Groups["name"].Value).Where(CommonLicenses.ContainsKey).Distinct().ToList();
            var named = LicenseField().IsMatch(text);
            var machineReadable = text.StartsWith("Format:", StringComparison.Ordinal);
            if (references.Count == 0 && !(machineReadable && named))
            {
                continue;
            }
            withReferences += references.Count > 0 ? 1 : 0;
            freeTextWithReferences += references.Count > 0 && !machineReadable ? 1 : 0;
            if (deb.Licenses.Count == 0)
            {
                missing.Add($"{deb.Name}: none");
                continue;
            }
            // A machine-readable file's License fields are what it declares; its references only locate those texts.
            foreach (var reference in machineReadable ? [] : references)
            {
                if (!deb.Licenses.Any(l => l.Contains(CommonLicenses[reference], StringComparison.Ordinal)))
                {
                    missing.Add($"{deb.Name}: {reference} not in {string.Join(" AND ", deb.Licenses)}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(withReferences > packages / 2, $"only {withReferences} copyright files point at common-licenses");
        Assert.Equal(freeText, freeTextWithReferences);
    }

    [Theory]
    [InlineData("wasteful")]
    [InlineData("base")]
    public async Task Licences_repeat_no_term_and_use_a_licence_ref_only_where_spdx_has_no_id(string tag)
    {
        var sbom = await OsImages.SbomAsync($"oci:{Fixtures.OciLayout}:{tag}", TestContext.Current.CancellationToken);

        var problems = new List<string>();
        foreach (var deb in sbom.Packages.Where(p => p.Ecosystem == "dpkg"))
        {
            var terms = deb.Licenses.SelectMany(TopLevelTerms).ToList();
            if (terms.Count != terms.Distinct(StringComparer.Ordinal).Count())
            {
                problems.Add($"{deb.Name} repeats a term: {string.Join(" | ", deb.Licenses)}");
            }
            foreach (var reference in terms.SelectMany(t => LicenseRef().Matches(t)).Select(m => m.Groups["name"].Value))
            {
                var name = reference.Replace("-plus", "", StringComparison.Ordinal);
                if (SpdxIds.Contains(name) || SpdxIds.Contains(name + ".0") || SpdxIds.Contains(name + "-Clause") || SpdxIds.Contains(name + "-only")
                    || reference is "Expat" or "GPL" or "LGPL")
                {
                    problems.Add($"{deb.Name}: LicenseRef-{reference} has an SPDX id");
                }
            }
        }
        Assert.Empty(problems);
        var coreutils = sbom.Packages.Single(p => p.Name == "coreutils");
        Assert.Single(coreutils.Licenses, "GPL-3.0-or-later");
    }

    /// <summary>An expression's operands of its top-level AND (bracketed choices kept whole).</summary>
    private static IEnumerable<string> TopLevelTerms(string expression)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            depth += expression[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0 && string.CompareOrdinal(expression, i, " AND ", 0, 5) == 0)
            {
                yield return expression[start..i];
                start = i + 5;
            }
        }
        yield return expression[start..];
    }

    [GeneratedRegex(@"^usr/share/doc/(?<package>[^/]+)/copyright$")]
    private static partial Regex CopyrightFile();

    [GeneratedRegex(@"/usr/share/common-licenses/(?<name>[A-Za-z0-9.+-]*[A-Za-z0-9+])")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^License:[ \t]*\S", RegexOptions.Multiline)]
    private static partial Regex LicenseField();

    [GeneratedRegex(@"LicenseRef-(?<name>[A-Za-z0-9.-]+)")]
    private static partial Regex LicenseRef();
}
