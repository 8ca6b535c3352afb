using Strata.Analysis;
using Strata.Analysis.Advising;
using Strata.Analysis.Advising.Safety;
using Strata.Analysis.Base;
using Strata.Analysis.Dockerfiles;
using Strata.Analysis.Reading;
using Strata.Images.Model;
using Strata.Images.Sources;
using Strata.Sbom;
using Strata.Sbom.Catalogers;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Policy.Assessment;

/// <summary>Reads an image once (every cataloger and the secret scan in the same pass) and derives the advice and the scan from that read.</summary>
public static class ImageAssessor
{
    public static ImageAssessment Assess(
        ResolvedImage image, AnalysisOptions analysisOptions, AssessmentOptions options, Action<int, long>? progress = null, CancellationToken cancellationToken = default)
    {
        // From the config alone, before any layer is read: a --base-layers past the last layer fails at once.
        var baseImage = BaseImageDetector.Detect(image.Config, options.BaseLayers);
        var config = ImageConfigDetails.Parse(image.Config.Raw, $"{image.Name}: config");
        var secrets = new SecretFileCaptor();
        var passwd = new PasswdCaptor();
        var (analysis, sbom) = SbomBuilder.Build(
            image, analysisOptions with { Captor = new CaptorPair(secrets, passwd) }, CatalogerRegistry.All(), progress, cancellationToken);
        var warnings = new List<string>(sbom.Warnings);

        var lines = options.DockerfileText is null
            ? LayerLines.None
            : new LayerLines(new DockerfileLines(options.DockerfileText), config.History, analysis.Layers.Select(l => l.CreatedBy).ToList(), baseImage.Layers ?? 0);
        var adviceInput = new AdviceInput
        {
            Analysis = analysis,
            Config = config,
            Base = baseImage,
            Packages = sbom.Packages.Select(p => new InstalledPackage(p.Ecosystem, p.Name, p.Files)).ToList(),
            Os = sbom.Os is { } os ? (os.Id, os.VersionId) : null,
            SecretFiles = secrets.Hits,
            Lines = lines,
        };
        var advice = ImageAdvisor.Advise(adviceInput, warnings.Add);

        ScanReport? vulnerabilities = null;
        if (options.Advisories is { } advisories)
        {
            vulnerabilities = Scanner.Scan(Scanner.Target(sbom, baseImage), sbom.Packages, advisories, options.Scan);
            warnings.AddRange(vulnerabilities.Warnings);
        }
        return new ImageAssessment(analysis, sbom, config, baseImage, advice, vulnerabilities) { Warnings = warnings, Users = passwd.Users(analysis) };
    }
}
