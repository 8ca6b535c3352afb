namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// The findings, and what the matcher could not check: packages of an ecosystem without a version comparer, OS
/// packages of a distribution OSV has no ecosystem for, versions the ecosystem cannot order. One line per cause.
/// </summary>
public sealed record MatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Warnings);
