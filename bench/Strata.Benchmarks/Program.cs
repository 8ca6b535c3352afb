using BenchmarkDotNet.Running;
using Strata.Benchmarks;

// `phases wasteful|million` times each step of the analysis once (a quick breakdown); `slim-phases` each step of a slim;
// `targets IMAGE [rounds] [sbom]` times the floor, analyze, sbom and Trivy in interleaved rounds; `pull [pairs]` times skopeo
// and strata pulls in alternation (a check on a busy machine); `advisories [repeats]` times the database's import and
// lookup once each; `explore [repeats]` times the explorer's keypresses on the million-file image; `registry-scan [repeats]`
// times scan-registry's speed target in this process; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "phases")
{
    return PhaseTimer.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "slim-phases")
{
    return SlimPhaseTimer.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "targets")
{
    return SpeedTargets.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "advisories")
{
    return AdvisoryTimer.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "explore")
{
    return ExplorerTimer.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "registry-scan")
{
    return RegistryScanTimer.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "pull")
{
    return PullPairs.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(WastefulBenchmarks).Assembly).Run(args);
return 0;
