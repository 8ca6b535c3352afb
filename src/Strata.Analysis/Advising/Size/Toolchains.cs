using System.Text.RegularExpressions;

namespace Strata.Analysis.Advising.Size;

/// <summary>Whether an OS package is a build toolchain: compilers, build tools, headers, a JDK, Go.</summary>
public static partial class Toolchains
{
    public static bool IsToolchain(string ecosystem, string name) => ecosystem switch
    {
        "dpkg" => Dpkg().IsMatch(name),
        "apk" => Apk().IsMatch(name),
        "rpm" => Rpm().IsMatch(name),
        _ => false,
    };

    [GeneratedRegex(@"^(gcc(-\d+)?|g\+\+(-\d+)?|cpp(-\d+)?|clang(-\d+)?|build-essential|make|cmake|autoconf|automake|libtool|binutils(-.*)?|.+-dev|golang(-.*)?|openjdk-\d+-jdk(-headless)?|default-jdk(-headless)?|rustc|cargo)$")]
    private static partial Regex Dpkg();

    [GeneratedRegex(@"^(gcc|g\+\+|clang\d*|build-base|make|cmake|autoconf|automake|libtool|binutils|musl-dev|.+-dev|go|openjdk\d+(-jdk)?|rust|cargo)$")]
    private static partial Regex Apk();

    [GeneratedRegex(@"^(gcc|gcc-c\+\+|cpp|clang|make|cmake|autoconf|automake|libtool|binutils|.+-devel|golang(-.*)?|java-.+-devel|rust|cargo)$")]
    private static partial Regex Rpm();
}
