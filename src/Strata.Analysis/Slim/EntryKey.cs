using Strata.Analysis.Model;

namespace Strata.Analysis.Slim;

/// <summary>
/// Names one entry of one layer as the analysis read it: its normalised path, its kind, and how many entries with the
/// same path and kind came before it in that layer (tars may repeat a path).
/// </summary>
public readonly record struct EntryKey(string Path, EntryKind Kind, int Occurrence);
