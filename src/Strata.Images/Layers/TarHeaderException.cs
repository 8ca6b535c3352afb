namespace Strata.Images.Layers;

/// <summary>A tar header that fails its checks; <see cref="Problem"/> is the defect alone, without where it is.</summary>
internal sealed class TarHeaderException(string message, string problem) : StrataException(message)
{
    public string Problem { get; } = problem;
}
