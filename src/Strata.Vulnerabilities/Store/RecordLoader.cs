using Strata.Images;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// Parses records and stores them in a build. A malformed record is passed over with a warning naming its file (and
/// zip entry), or, when strict, fails the whole import with that message.
/// </summary>
internal sealed class RecordLoader(AdvisoryDatabaseBuilder builder, bool strict, Action<string> warn, ImportCounts counts)
{
    /// <summary>Loads every record; returns the ecosystem bases they name.</summary>
    public IReadOnlySet<string> Load(IEnumerable<RecordFile> files, string origin, CancellationToken cancellationToken)
    {
        var bases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            OsvRecord record;
            try
            {
                record = OsvParser.Parse(file.Json, file.Source);
            }
            catch (StrataException e) when (!strict)
            {
                warn($"{e.Message}; skipped");
                counts.Skipped++;
                continue;
            }
            switch (builder.Add(record, file.Json, origin))
            {
                case AddOutcome.Added:
                    counts.Added++;
                    break;
                case AddOutcome.Replaced:
                    counts.Replaced++;
                    break;
                default:
                    counts.KeptNewer++;
                    break;
            }
            foreach (var affected in record.Affected)
            {
                if (affected.Package.Ecosystem.Length > 0 && affected.Package.Name.Length > 0)
                {
                    bases.Add(affected.Package.EcosystemBase);
                }
            }
        }
        return bases;
    }
}
