using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Language;

public sealed class RubyCatalogerTests
{
    private const string Installed = """
        # -*- encoding: utf-8 -*-
        # stub: rake 13.0.6 ruby lib

        Gem::Specification.new do |s|
          s.name = "rake".freeze
          s.version = "13.0.6"

          s.required_rubygems_version = Gem::Requirement.new(">= 1.3.2".freeze) if s.respond_to? :required_rubygems_version=
          s.metadata = { "bug_tracker_uri" => "https://github.com/ruby/rake/issues" } if s.respond_to? :metadata=
          s.require_paths = ["lib".freeze]
          s.licenses = ["MIT".freeze]
          s.rubygems_version = "3.3.26".freeze
          s.add_runtime_dependency(%q<json>.freeze, [">= 0"])
        end
        """;

    [Fact]
    public void An_installed_specification_gives_name_version_and_licences()
    {
        var harness = new LanguageHarness(new RubyCataloger()).File("usr/local/bundle/specifications/rake-13.0.6.gemspec", Installed, layer: 2);

        var package = Assert.Single(harness.Run());

        Assert.Empty(harness.Warnings);
        Assert.Equal(("rake", "13.0.6", "pkg:gem/rake@13.0.6"), (package.Name, package.Version, package.Purl));
        Assert.Equal(["MIT"], package.Licenses);
        Assert.Equal(("/usr/local/bundle/specifications/rake-13.0.6.gemspec", 2), (package.Locations[0].Path, package.Locations[0].Layer));
    }

    [Theory]
    [InlineData("s.name = %q{json}\n s.version = Gem::Version.new(\"2.7.1\")\n s.license = 'Ruby'\n", "json", "2.7.1", new[] { "Ruby" })]
    [InlineData("spec.name = 'nokogiri'\nspec.version = \"1.16.0\"\nspec.licenses = [\"MIT\", \"BSD-2-Clause\"]\n", "nokogiri", "1.16.0", new[] { "MIT", "BSD-2-Clause" })]
    [InlineData("# stub: bundler 2.4.10 ruby lib\nGem::Specification.new do |s|\nend\n", "bundler", "2.4.10", new string[0])]
    public void Other_ways_of_writing_the_fields_are_read(string source, string name, string version, string[] licenses)
    {
        var package = Assert.Single(new LanguageHarness(new RubyCataloger()).File("var/lib/gems/3.1.0/specifications/x.gemspec", source).Run());

        Assert.Equal((name, version), (package.Name, package.Version));
        Assert.Equal(licenses, package.Licenses);
    }

    [Fact]
    public void A_specification_without_name_or_version_is_a_warning()
    {
        var harness = new LanguageHarness(new RubyCataloger())
            .File("gems/specifications/a.gemspec", "Gem::Specification.new do |s|\n  s.version = \"1.0\"\nend\n")
            .File("gems/specifications/b.gemspec", "Gem::Specification.new do |s|\n  s.name = \"b\"\nend\n");

        Assert.Empty(harness.Run());
        Assert.Equal(["/gems/specifications/a.gemspec: no name assignment", "/gems/specifications/b.gemspec: no version assignment for b"], harness.Warnings);
    }

    [Theory]
    [InlineData("usr/local/bundle/specifications/rake-13.0.6.gemspec", true)]
    [InlineData("usr/local/lib/ruby/gems/3.3.0/specifications/default/json-2.7.1.gemspec", true)]
    [InlineData("specifications/x.gemspec", true)]
    [InlineData("app/rake.gemspec", false)]
    [InlineData("usr/local/bundle/gems/rake-13.0.6/rake.gemspec", false)]
    [InlineData("usr/local/bundle/specifications/rake-13.0.6.gemspec.bak", false)]
    public void Wants_installed_specifications_only(string path, bool wanted) => Assert.Equal(wanted, new RubyCataloger().WantsPath(path));
}
