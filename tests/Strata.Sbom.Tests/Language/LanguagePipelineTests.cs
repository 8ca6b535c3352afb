using Strata.Sbom.Catalogers;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Language;

public sealed class LanguagePipelineTests
{
    [Fact]
    public void Packages_come_from_the_final_file_system_located_at_the_layer_and_step_that_stored_them()
    {
        var jar = TestZip.Create(TestZip.Pom("org.apache.commons", "commons-lang3", "3.12.0"));
        using var directory = new TempDirectory();
        new OciImageBuilder()
            .Layer(new LayerBuilder()
                .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.15", "license": "MIT"}""")
                .File("app/node_modules/gone/package.json", """{"name": "gone", "version": "1.0.0"}""")
                .File("opt/lib/commons-lang3.jar", jar), "COPY app /app")
            .Layer(new LayerBuilder()
                .File("app/node_modules/lodash/package.json", """{"name": "lodash", "version": "4.17.21", "license": "MIT"}""")
                .File("usr/local/lib/python3.12/site-packages/flask-3.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: Flask\nVersion: 3.0.0\n"), "RUN npm install lodash@4.17.21 && pip install flask")
            .Layer(new LayerBuilder().Whiteout("app/node_modules/gone"), "RUN rm -rf /app/node_modules/gone")
            .WriteOciLayout(directory.Path);

        var (analysis, sbom) = LanguageImages.Build(
            "oci:" + directory.Path, [new NpmCataloger(), new PythonCataloger(), new JavaCataloger()], TestContext.Current.CancellationToken);

        Assert.Equal(["pkg:maven/org.apache.commons/commons-lang3@3.12.0", "pkg:npm/lodash@4.17.21", "pkg:pypi/flask@3.0.0"], sbom.Packages.Select(p => p.Purl));
        var lodash = Assert.Single(sbom.Packages, p => p.Name == "lodash");
        var location = Assert.Single(lodash.Locations);
        Assert.Equal(("/app/node_modules/lodash/package.json", 1), (location.Path, location.Layer));
        Assert.Equal(analysis.Layers[1].DiffId.ToString(), location.DiffId);
        Assert.Equal("RUN npm install lodash@4.17.21 && pip install flask", location.CreatedBy);
        var commons = Assert.Single(sbom.Packages, p => p.Ecosystem == "java");
        Assert.Equal(("/opt/lib/commons-lang3.jar", 0, "COPY app /app"), (commons.Locations[0].Path, commons.Locations[0].Layer, commons.Locations[0].CreatedBy));
        Assert.Empty(sbom.Warnings);
    }

    [Fact]
    public void The_registry_has_each_language_cataloger_once()
    {
        var names = CatalogerRegistry.All().Select(c => c.Name).ToList();

        Assert.All(["npm", "python", "java", "dotnet", "ruby", "php"], name => Assert.Single(names, n => n == name));
        Assert.All(CatalogerRegistry.All().Where(c => c.Name is "npm" or "python" or "java" or "dotnet" or "ruby" or "php"), c => Assert.True(c.IsLanguage));
    }
}
