namespace Strata.Dockerfile.Advice;

/// <summary>How much a piece of advice matters, as hadolint ranks its rules.</summary>
public enum AdviceSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding of <c>strata lint</c> (from the Dockerfile) or <c>strata advise</c> (from the image), in the shape both
/// commands' json shares: a stable Strata ID, the equivalent hadolint rule, the line, the layer, the bytes a fix saves,
/// the paths concerned, and the fix.
/// </summary>
public sealed record Advice
{
    /// <summary>A stable Strata ID, such as <c>STR1001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The equivalent hadolint rule (<c>DL3009</c>), or null.</summary>
    public string? Hadolint { get; init; }

    public required AdviceSeverity Severity { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    /// <summary>The Dockerfile line (1-based), or null when there is no Dockerfile or no matching instruction.</summary>
    public int? Line { get; init; }

    /// <summary>The image layer concerned (advise), or null.</summary>
    public int? LayerIndex { get; init; }

    /// <summary>The bytes the fix saves, measured on the image (advise), or null.</summary>
    public long? Bytes { get; init; }

    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>What to change, in words or as the corrected line.</summary>
    public string? Fix { get; init; }
}
