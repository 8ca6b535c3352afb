using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// os-release to OSV ecosystem strings, as OSV's ecosystem list (ossf/osv-schema ecosystems.json) and the records OSV
/// publishes spell them: <c>Alpine:v3.18</c>, <c>Ubuntu:22.04:LTS</c>, <c>Red Hat:enterprise_linux:9::baseos</c>,
/// <c>SUSE:Linux Enterprise Server 15 SP5</c>, <c>openSUSE:Leap 15.5</c>, <c>Rocky Linux:9</c>.
/// </summary>
public sealed class DistroEcosystemTests
{
    [Theory]
    [InlineData("debian", "12", "dpkg", "Debian", "12", "11")]
    [InlineData("ubuntu", "22.04", "dpkg", "Ubuntu", "22.04:LTS", "20.04:LTS")]
    [InlineData("ubuntu", "23.10", "dpkg", "Ubuntu", "23.10", "Pro:23.10")]
    [InlineData("alpine", "3.18.4", "apk", "Alpine", "v3.18", "v3.19")]
    [InlineData("rhel", "9.4", "rpm", "Red Hat", "enterprise_linux:9::baseos", "enterprise_linux:8::appstream")]
    [InlineData("rocky", "9.3", "rpm", "Rocky Linux", "9", "8")]
    [InlineData("almalinux", "8.9", "rpm", "AlmaLinux", "8", "9")]
    [InlineData("sles", "15.5", "rpm", "SUSE", "Linux Enterprise Module for Basesystem 15 SP5", "Linux Enterprise Server 15 SP4")]
    [InlineData("sles", "15.5", "rpm", "SUSE", "Linux Enterprise Server 15 SP5", "Linux Enterprise Server 15 SP5-LTSS 25")]
    [InlineData("opensuse-leap", "15.5", "rpm", "openSUSE", "Leap 15.5", "Leap 15.6")]
    [InlineData("mariner", "2.0", "rpm", "Azure Linux", "2", "3")]
    public void The_release_of_the_image_is_accepted_and_another_is_not(string id, string versionId, string manager, string ecosystem, string accepted, string refused)
    {
        var distro = DistroEcosystem.For(new OsInfo(id, versionId, null, null), manager, out var unmapped);

        Assert.Null(unmapped);
        Assert.NotNull(distro);
        Assert.Equal(ecosystem, distro.Base);
        Assert.True(distro.AcceptsRelease(accepted), accepted);
        Assert.False(distro.AcceptsRelease(refused), refused);
    }

    [Fact]
    public void Red_Hat_records_are_looked_up_by_binary_name_too_and_Debian_ones_by_source_name_only()
    {
        Assert.True(DistroEcosystem.For(new OsInfo("rhel", "9.4", null, null), "rpm", out _)!.BinaryNamesToo);
        Assert.False(DistroEcosystem.For(new OsInfo("debian", "12", null, null), "dpkg", out _)!.BinaryNamesToo);
    }

    [Theory]
    [InlineData("alpine", "dpkg")]
    [InlineData("debian", "rpm")]
    [InlineData("fedora", "rpm")]
    public void A_package_manager_foreign_to_the_distribution_has_no_ecosystem(string id, string manager)
    {
        Assert.Null(DistroEcosystem.For(new OsInfo(id, "1", null, null), manager, out var unmapped));
        Assert.NotNull(unmapped);
    }
}
