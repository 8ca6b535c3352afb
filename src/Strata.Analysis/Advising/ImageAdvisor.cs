using Strata.Analysis.Advising.Base;
using Strata.Analysis.Advising.Safety;
using Strata.Analysis.Advising.Size;
using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising;

/// <summary>What <c>strata advise</c> found: the findings, size first, and the savings they add up to.</summary>
public sealed record ImageAdvice(IReadOnlyList<Advice> Findings)
{
    /// <summary>The bytes of files the size findings would save, each stored file counted once (uncompressed).</summary>
    public long FileSavings => Findings.Where(f => f.Id != AdviceIds.SlimmerBase).Sum(f => f.Bytes ?? 0);

    /// <summary>The compressed bytes a slimmer base would save (a different unit, so kept apart).</summary>
    public long? BaseSavings => Findings.FirstOrDefault(f => f.Id == AdviceIds.SlimmerBase)?.Bytes;

    public static bool IsSize(Advice finding) => finding.Id.StartsWith("STR30", StringComparison.Ordinal);
}

/// <summary>
/// Runs every advisor on an analysed image. The size advisors that claim stored files run in a fixed order of
/// precedence, each counting only files no earlier one counted (<see cref="SavingsLedger"/>): files deleted or
/// replaced by a later layer (the fix is in the Dockerfile's order), then caches, documentation, duplicates and
/// toolchains. Only the image's own layers are counted; the base's layers are the slimmer-base finding's.
/// </summary>
public static class ImageAdvisor
{
    public static ImageAdvice Advise(AdviceInput input, Action<string> warn, BaseSizeTable? table = null)
    {
        var ledger = new SavingsLedger();
        var visible = new VisibleFiles(input.Analysis);
        var findings = new List<Advice>();
        findings.AddRange(DeadBytesAdvisor.Advise(input, ledger));
        findings.AddRange(CacheAdvisor.Advise(input, ledger));
        findings.AddRange(DocumentationAdvisor.Advise(input, ledger));
        findings.AddRange(DuplicateAdvisor.Advise(input, ledger, visible));
        findings.AddRange(ToolchainAdvisor.Advise(input, ledger, visible));
        findings.AddRange(LargeFileAdvisor.Advise(input, ledger, visible));
        findings.AddRange(BaseImageAdvisor.Advise(input, table ?? BaseSizeTable.Shipped, warn));
        findings.AddRange(RootUserAdvisor.Advise(input));
        findings.AddRange(EnvironmentSecretAdvisor.Advise(input));
        findings.AddRange(SecretFileAdvisor.Advise(input));
        findings.AddRange(SetuidAdvisor.Advise(input, visible));
        return new ImageAdvice(findings);
    }
}
