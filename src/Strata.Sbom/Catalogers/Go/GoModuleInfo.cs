namespace Strata.Sbom.Catalogers.Go;

/// <summary>
/// Go module information as <c>go version -m</c> shows it: the main package's path, the main module, the dependencies and
/// the build settings; <see cref="Problems"/> names lines that could not be understood.
/// </summary>
internal sealed record GoModuleInfo(
    string? Path, GoModule? Main, IReadOnlyList<GoModule> Dependencies, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> Problems)
{
    /// <summary>Reads tab-separated lines: <c>path</c>, <c>mod</c>, <c>dep</c>, <c>=&gt;</c> (replaces the module above) and <c>build</c>.</summary>
    public static GoModuleInfo Parse(string text)
    {
        string? path = null;
        GoModule? main = null;
        var dependencies = new List<GoModule>();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lastIsMain = false;
        var lastIsDependency = false;
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var kind = tab < 0 ? line : line[..tab];
            var fields = tab < 0 ? [] : line[(tab + 1)..].Split('\t');
            var wasMain = lastIsMain;
            var wasDependency = lastIsDependency;
            lastIsMain = lastIsDependency = false;
            switch (kind)
            {
                case "path":
                    path = fields.FirstOrDefault();
                    break;
                case "mod" when Module(fields) is { } module:
                    main = module;
                    lastIsMain = true;
                    break;
                case "dep" when Module(fields) is { } module:
                    dependencies.Add(module);
                    lastIsDependency = true;
                    break;
                case "=>" when Module(fields) is { } replacement && (wasMain || wasDependency):
                    if (wasMain)
                    {
                        main = main! with { Replacement = replacement };
                    }
                    else
                    {
                        dependencies[^1] = dependencies[^1] with { Replacement = replacement };
                    }
                    break;
                case "build":
                    var setting = string.Join('\t', fields);
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        settings[Unquote(setting[..equals])] = Unquote(setting[(equals + 1)..]);
                    }
                    break;
                case "go":
                    break;
                default:
                    problems.Add($"line {number} ('{Shorten(line)}') is not understood");
                    break;
            }
        }
        return new GoModuleInfo(path, main, dependencies, settings, problems);
    }

    /// <summary>Path, version and an optional checksum (old toolchains wrote lines with an empty path, which name no module).</summary>
    private static GoModule? Module(string[] fields) =>
        fields.Length is 2 or 3 ? new GoModule(fields[0], fields[1], fields.Length == 3 ? fields[2] : "") : null;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : value;

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
