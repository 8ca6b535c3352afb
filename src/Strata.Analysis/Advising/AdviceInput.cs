using Strata.Analysis.Base;
using Strata.Analysis.Model;
using Strata.Images.Model;

namespace Strata.Analysis.Advising;

/// <summary>An OS package as the package database lists it, with the files it installed.</summary>
public sealed record InstalledPackage(string Ecosystem, string Name, IReadOnlyList<string> Files);

/// <summary>Everything the advisors read: the analysed image, its config, its base, its packages and what the secret pass saw.</summary>
public sealed record AdviceInput
{
    public required ImageAnalysis Analysis { get; init; }

    public required ImageConfigDetails Config { get; init; }

    public required BaseImage Base { get; init; }

    public IReadOnlyList<InstalledPackage> Packages { get; init; } = [];

    /// <summary>os-release's ID and VERSION_ID, when the image has one.</summary>
    public (string Id, string Version)? Os { get; init; }

    public IReadOnlyList<SecretFileHit> SecretFiles { get; init; } = [];

    public required LayerLines Lines { get; init; }

    /// <summary>With --online: the compressed size of REGISTRY/REPOSITORY:TAG on its registry, or null when it cannot be read.</summary>
    public Func<string, long?>? RegistrySize { get; init; }

    /// <summary>The first layer built by the image's own Dockerfile (0 when no base image was found).</summary>
    public int FirstOwnLayer => Base.Layers ?? 0;

    public bool IsOwn(int layer) => layer >= FirstOwnLayer;
}
