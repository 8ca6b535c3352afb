using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>How to pick one image out of a source that may hold several, and limits for reading it.</summary>
public sealed record ImageSelector(string? Tag = null, Platform? Platform = null);
