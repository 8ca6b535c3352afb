namespace Strata.Sbom.Catalogers.Go;

/// <summary>What a Go executable says about its build: the toolchain (<c>go1.22.0</c>) and the module information text.</summary>
internal sealed record GoBuildInfo(string GoVersion, string ModuleInfo);
