using Strata.Dockerfile.Advice;

namespace Strata.Analysis.Advising.Safety;

/// <summary>
/// Files with secrets, one finding each, whether the final file system shows them or a later layer deleted them:
/// a deleted file's bytes are still in the layer that stored it, for anyone who pulls the image.
/// </summary>
internal static class SecretFileAdvisor
{
    public static IEnumerable<Advice> Advise(AdviceInput input)
    {
        foreach (var hit in input.SecretFiles)
        {
            var path = hit.Path.TrimStart('/');
            var entry = input.Analysis.Layers[hit.Layer].Entries.LastOrDefault(e => e.IsRegularFile && e.Path == path);
            var deleted = entry is { IsDead: true } ? $" (layer {entry.KilledBy} hides it, but its bytes are still in layer {hit.Layer})" : "";
            var (id, what) = hit.Kind switch
            {
                SecretFileKind.PrivateKey => (AdviceIds.PrivateKeyFile, "A private key"),
                SecretFileKind.Credentials => (AdviceIds.CredentialsFile, "A credentials file"),
                _ => (AdviceIds.TokenInFile, "A token"),
            };
            yield return new Advice
            {
                Id = id,
                Severity = AdviceSeverity.Error,
                Title = $"{what} in the image: {hit.Path}",
                Message = $"{hit.Path} in {Size.ImageFiles.Layer(input, hit.Layer)} holds {hit.Hint}{deleted}. Everyone who can pull the image can read it.",
                Line = input.Lines.Layer(hit.Layer),
                LayerIndex = hit.Layer,
                Paths = [hit.Path],
                Fix = "Keep secrets out of the build context (.dockerignore) and out of layers: use RUN --mount=type=secret or mount them at run time; rotate the exposed secret",
            };
        }
    }
}
