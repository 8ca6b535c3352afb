namespace Strata.Analysis.Slim;

/// <summary>An opt-in removal: a named predicate over normalised paths (no leading slash).</summary>
public sealed record PathRemoval(string Reason, Func<string, bool> Matches);
