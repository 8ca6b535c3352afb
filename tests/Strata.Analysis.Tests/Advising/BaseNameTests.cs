using Strata.Analysis.Advising.Base;

namespace Strata.Analysis.Tests.Advising;

public sealed class BaseNameTests
{
    [Theory]
    [InlineData("docker.io/library/python:3.12", "python", "3.12", "docker.io/library/python")]
    [InlineData("python:3.12-slim@sha256:0123", "python", "3.12-slim", "docker.io/library/python")]
    [InlineData("mirror.example:5000/library/node:20", "node", "20", "mirror.example:5000/library/node")]
    [InlineData("localhost/debian", "debian", null, "localhost/debian")]
    public void The_label_names_repository_tag_and_location(string label, string repository, string? tag, string location)
    {
        var name = BaseName.Find(label, [], null);

        Assert.Equal((repository, tag, location), (name!.Repository, name.Tag, name.Location));
        Assert.Contains("label", name.How, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PYTHON_VERSION=3.12.1", "python:3.12")]
    [InlineData("NODE_VERSION=20.11.0", "node:20")]
    [InlineData("GOLANG_VERSION=1.22.3", "golang:1.22")]
    [InlineData("JAVA_VERSION=jdk-21.0.2+13", "eclipse-temurin:21")]
    public void Official_language_images_are_known_by_their_version_variable(string variable, string expected)
    {
        var name = BaseName.Find(null, ["PATH=/usr/local/bin", variable], ("debian", "12"));

        Assert.Equal(expected, name!.ToString());
        Assert.StartsWith("docker.io/library/", name.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Otherwise_os_release_names_debian_or_ubuntu_and_nothing_else()
    {
        Assert.Equal("debian:12", BaseName.Find(null, [], ("debian", "12"))!.ToString());
        Assert.Equal("ubuntu:24.04", BaseName.Find(null, [], ("ubuntu", "24.04"))!.ToString());
        Assert.Null(BaseName.Find(null, [], ("alpine", "3.20.3")));
        Assert.Null(BaseName.Find(null, [], null));
    }

    [Fact]
    public void The_shipped_table_is_dated_and_says_where_its_figures_come_from()
    {
        var table = BaseSizeTable.Shipped;

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", table.Recorded);
        Assert.Contains("Docker Hub", table.Source, StringComparison.Ordinal);
        Assert.All(["debian", "ubuntu", "python", "node", "golang", "eclipse-temurin"], r => Assert.NotNull(table.Find(r)));
        Assert.All(table.Bases.Where(b => b.SlimBytes is not null), b => Assert.True(b.SlimBytes < b.Bytes, b.Repository));
    }
}
