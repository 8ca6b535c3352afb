namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// PyPI's version order, PEP 440. A string PEP 440 refuses is not a version (<see cref="IsValid"/> is false) but still
/// gets the place setuptools' legacy versions had: before every PEP 440 version, ordered among themselves by
/// <see cref="LegacyPythonVersion"/>.
/// </summary>
public sealed class Pep440VersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["PyPI"];

    public bool IsValid(string version) => Pep440Version.TryParse(version) is not null;

    public int Compare(string? x, string? y)
    {
        x ??= "";
        y ??= "";
        var a = Pep440Version.TryParse(x);
        var b = Pep440Version.TryParse(y);
        if (a is not null && b is not null)
        {
            return a.CompareTo(b);
        }
        if (a is null && b is null)
        {
            return LegacyPythonVersion.Compare(LegacyPythonVersion.Key(x), LegacyPythonVersion.Key(y));
        }
        return a is null ? -1 : 1;
    }
}
