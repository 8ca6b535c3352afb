using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Finds the packages of one ecosystem. It names the files it needs (by path, or by their first bytes for
/// binaries); only those are read into memory, up to <see cref="MaxFileSize"/>, during the single pass over the layers.
/// </summary>
public interface IPackageCataloger
{
    /// <summary>Short name, used as <see cref="Package.Ecosystem"/>: dpkg, apk, rpm, npm, python, java, go, dotnet, rust, ruby, php.</summary>
    string Name { get; }

    /// <summary>Whether the OS package manager's file lists apply to this cataloger's findings (language catalogers).</summary>
    bool IsLanguage { get; }

    long MaxFileSize { get; }

    /// <summary>Wants this file by its path (normalised, no leading slash).</summary>
    bool WantsPath(string path);

    /// <summary>Wants this file by its first bytes (executables found by magic, never by name).</summary>
    bool WantsContent(string path, ReadOnlySpan<byte> head) => false;

    /// <summary>
    /// True when each file can be cataloged on its own (executables): it is then cataloged the moment it has been
    /// read and its bytes let go, instead of every such file waiting in memory until the end of the pass.
    /// </summary>
    bool CatalogsFilesAlone => false;

    /// <summary>
    /// A reducer for a file this cataloger wants, when it reads only parts of large files (Java archives): the file
    /// then streams through the reducer instead of being held, and <see cref="MaxFileSize"/> bounds only the time
    /// spent. Null (the default) holds the file whole. Problems the reducer meets go to <paramref name="warn"/>.
    /// </summary>
    IFileReducer? Reducer(string path, Action<string> warn) => null;

    /// <summary>Finds packages in the files captured for this cataloger; broken metadata is warned about by path, never thrown.</summary>
    IEnumerable<Package> Catalog(CatalogContext context);
}
