namespace Strata.Analysis.Dive;

/// <summary>A node of one of dive's trees: the data of the last entry for that name, or none for a parent dive made up.</summary>
internal readonly record struct DiveNode(long Size, bool IsDir, bool IsWhiteout);
