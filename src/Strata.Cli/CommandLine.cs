using Spectre.Console.Cli;
using Strata.Cli.Commands;
using Strata.Cli.Help;

namespace Strata.Cli;

/// <summary>Strata's commands, their help and examples. Every example runs as pasted from the repository's root.</summary>
public static class CommandLine
{
    /// <summary>The image the repository ships, used by the examples.</summary>
    public const string ExampleImage = "oci:examples/wasteful-mini";

    /// <summary>Each command's words and settings type, for the "did you mean" of an unknown option.</summary>
    public static readonly IReadOnlyList<(string[] Path, Type Settings)> Commands =
    [
        (["analyze"], typeof(AnalyzeSettings)),
        (["explore"], typeof(ExploreSettings)),
        (["sbom"], typeof(SbomSettings)),
        (["scan"], typeof(ScanSettings)),
        (["lint"], typeof(LintSettings)),
        (["inspect"], typeof(InspectSettings)),
        (["pull"], typeof(PullSettings)),
        (["push"], typeof(PushSettings)),
        (["advise"], typeof(AdviseSettings)),
        (["slim"], typeof(SlimSettings)),
        (["scan-registry"], typeof(ScanRegistrySettings)),
        (["policy"], typeof(PolicySettings)),
        (["report"], typeof(ReportSettings)),
        (["compare"], typeof(CompareSettings)),
        (["cache", "ls"], typeof(CacheListSettings)),
        (["cache", "du"], typeof(CacheSettings)),
        (["cache", "prune"], typeof(CachePruneSettings)),
        (["db", "import"], typeof(DbImportSettings)),
        (["db", "update"], typeof(DbUpdateSettings)),
        (["db", "status"], typeof(DbStatusSettings)),
        (["version"], typeof(StrataSettings)),
    ];

    /// <summary>The command groups, which need a subcommand.</summary>
    public static readonly IReadOnlyList<string> Groups = ["cache", "db"];

    public static void Configure(IConfigurator config, CliContext context)
    {
        config.SetApplicationName("strata");
        config.SetApplicationVersion(StrataVersion.Line);
        config.Settings.Console = context.Out;
        config.Settings.Registrar.RegisterInstance(context);
        config.SetHelpProvider(new StrataHelpProvider(config.Settings));
        config.UseStrictParsing();
        config.PropagateExceptions();
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Show where every byte of an image goes: layers, dive's efficiency and waste, exact dead bytes, duplicates.")
            .WithExample("analyze", ExampleImage)
            .WithExample("analyze", ExampleImage, "--format", "json", "-o", "report.json")
            .WithExample("analyze", ExampleImage, "--ci", "--lowest-efficiency", "0.4", "--highest-user-wasted-percent", "0.75");
        config.AddCommand<ExploreCommand>("explore")
            .WithDescription("Browse an image as dive does: pick a layer, see what it changed, find the waste; 'strata IMAGE' is short for it.")
            .WithExample("explore", ExampleImage)
            .WithExample(ExampleImage);
        config.AddCommand<SbomCommand>("sbom")
            .WithDescription("List the packages of every ecosystem, each traced to its layer and Dockerfile line.")
            .WithExample("sbom", ExampleImage)
            .WithExample("sbom", ExampleImage, "--format", "cyclonedx-json", "-o", "sbom.json");
        config.AddCommand<ScanCommand>("scan")
            .WithDescription("Find known vulnerabilities offline (OSV database), each placed at its layer; IMAGE may be sbom:FILE.")
            .WithExample("scan", ExampleImage)
            .WithExample("scan", ExampleImage, "--severity", "critical,high", "--only-fixed", "--ignore-base", "--exit-code", "1")
            .WithExample("scan", ExampleImage, "--format", "json", "-o", "scan.json");
        config.AddCommand<LintCommand>("lint")
            .WithDescription("Check a Dockerfile for size, cache and safety mistakes (hadolint's rules and more); --fix applies the safe fixes. Exits 1 when findings remain.")
            .WithExample("lint", "../shared/fixtures/dockerfiles/wasteful/Dockerfile")
            .WithExample("lint", "../shared/fixtures/dockerfiles/wasteful/Dockerfile", "--ignore", "DL3059", "--format", "sarif", "-o", "lint.sarif")
            .WithExample("lint", "../shared/fixtures/dockerfiles/multistage/Dockerfile", "--format", "json");
        config.AddCommand<InspectCommand>("inspect")
            .WithDescription("Show an image's platforms, digests, config and layers without downloading layers.")
            .WithExample("inspect", ExampleImage)
            .WithExample("inspect", ExampleImage, "--format", "raw");
        config.AddCommand<PullCommand>("pull")
            .WithDescription("Fetch an image (only the blobs the cache lacks) and write it as an OCI layout, OCI archive or docker archive.")
            .WithExample("pull", ExampleImage, "--output", "oci-archive:wasteful.tar");
        config.AddCommand<PushCommand>("push")
            .WithDescription("Push any image to a registry, skipping blobs it has and mounting what it can.")
            .WithExample("push", ExampleImage, "docker://localhost:5000/strata/wasteful:v1");
        config.AddCommand<AdviseCommand>("advise")
            .WithDescription("Advise how to make an image smaller and safer, measured on the image: the bytes each fix saves and, with --dockerfile, the line to change.")
            .WithExample("advise", ExampleImage)
            .WithExample("advise", "oci:../shared/fixtures/images/oci:wasteful", "--dockerfile", "../shared/fixtures/dockerfiles/wasteful/Dockerfile")
            .WithExample("advise", ExampleImage, "--format", "json", "-o", "advice.json");
        config.AddCommand<SlimCommand>("slim")
            .WithDescription("Write the image without its dead bytes (and, opted in, caches, docs, locales), its final file system proven identical; base layers stay shared. Exits 1 when the proof fails, writing nothing.")
            .WithExample("slim", ExampleImage, "oci:slim-wasteful")
            .WithExample("slim", ExampleImage, "docker-archive:wasteful-slim.tar:wasteful:slim", "--drop", "caches", "--drop", "docs", "--compression", "zstd")
            .WithExample("slim", ExampleImage, "oci:slim-wasteful", "--dry-run", "--format", "json", "-o", "slim.json");
        config.AddCommand<ScanRegistryCommand>("scan-registry")
            .WithDescription("Scan every repository of a registry (or of a prefix, or one shard): one report per image and summary.json; layers shared between images are read once, and a second run skips what was reported. Exits 1 when an image could not be scanned.")
            .WithExample("scan-registry", "localhost:5000", "--tags", "all", "--output", "registry-scan")
            .WithExample("scan-registry", "localhost:5000/team", "--tags", "newest:3", "--concurrency", "4", "--shard", "0/2");
        config.AddCommand<PolicyCommand>("policy")
            .WithDescription("Judge an image against the policies of strata-policy.yaml (or the built-in defaults): PASS, FAIL or SKIP each, with evidence, and a health grade A-F. Exits 1 when a policy fails.")
            .WithExample("policy", ExampleImage)
            .WithExample("policy", ExampleImage, "--format", "json", "-o", "policy.json")
            .WithExample("policy", ExampleImage, "--format", "sarif", "-o", "policy.sarif", "--exit-code", "0");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Write one self-contained HTML page about an image: size map of every byte, layers and their changes, waste, advice, packages, vulnerabilities (--db), policy grade (--policy).")
            .WithExample("report", ExampleImage, "-o", "report.html")
            .WithExample("report", "oci:../shared/fixtures/images/oci:wasteful", "--dockerfile", "../shared/fixtures/dockerfiles/wasteful/Dockerfile", "-o", "wasteful.html");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Compare two images: sizes, shared layers and where they diverge, files, packages, vulnerabilities (--db) and policy verdicts. --exit-on exits 1 when a kind got worse.")
            .WithExample("compare", ExampleImage, "oci:../shared/fixtures/images/oci:multistage")
            .WithExample("compare", "oci:../shared/fixtures/images/oci:base", ExampleImage, "--format", "json", "-o", "compare.json")
            .WithExample("compare", "oci:../shared/fixtures/images/oci:multistage", ExampleImage, "--exit-on", "size,package", "--format", "markdown");
        config.AddBranch("cache", cache =>
        {
            cache.SetDescription("The local blob cache.");
            cache.AddCommand<CacheListCommand>("ls").WithDescription("List cached blobs.")
                .WithExample("cache", "ls", "-q");
            cache.AddCommand<CacheUsageCommand>("du").WithDescription("Show how much the cache holds.")
                .WithExample("cache", "du");
            cache.AddCommand<CachePruneCommand>("prune").WithDescription("Remove blobs unused for a while (--older-than 30d), or all of them (--all).")
                .WithExample("cache", "prune", "--older-than", "30d", "--dry-run");
        });
        config.AddBranch("db", db =>
        {
            db.SetDescription("The offline OSV advisory database that scan reads.");
            db.AddCommand<DbImportCommand>("import")
                .WithDescription("Add OSV records from folders of .json files and OSV's all.zip exports; a malformed record is skipped with a warning (--strict fails instead).")
                .WithExample("db", "import", "../shared/fixtures/advisories");
            db.AddCommand<DbUpdateCommand>("update")
                .WithDescription("Download OSV's export of each ecosystem, only those changed since the last update, and swap the new database in whole.")
                .WithExample("db", "update", "--ecosystem", "npm,PyPI");
            db.AddCommand<DbStatusCommand>("status")
                .WithDescription("Show the records per ecosystem, where they came from and how old they are.")
                .WithExample("db", "status")
                .WithExample("db", "status", "--format", "json", "-o", "db-status.json");
        });
        config.AddCommand<VersionCommand>("version")
            .WithDescription("Print the version, the commit and the .NET runtime.")
            .WithExample("version");
    }
}
