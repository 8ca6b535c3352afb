namespace Strata.Sbom.Catalogers;

/// <summary>
/// Reduces a file, while its bytes stream past, to the little a cataloger reads of it, so that the file is never held
/// whole. What <see cref="Complete"/> gives is what the cataloger later finds as the captured file's content.
/// </summary>
public interface IFileReducer
{
    void Write(ReadOnlySpan<byte> chunk);

    byte[] Complete();
}
