using System.Globalization;

namespace Strata.Fuzz;

/// <summary>The fuzzer's own command line: which seeds to run, for how long, how many at once.</summary>
internal sealed record FuzzOptions
{
    private static readonly string[] FuzzFlags = ["--seed", "--seeds", "--cases", "--minutes", "--start-seed", "--parallel", "--keep", "--verbose", "--describe"];

    /// <summary>Replays exactly these seeds (a failure's report names its seed).</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [];

    /// <summary>The first seed of a run of consecutive seeds; random (and printed) when not given.</summary>
    public int? StartSeed { get; init; }

    public int? Cases { get; init; }

    public double? Minutes { get; init; }

    public int Parallel { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Leaves each failing case's sandbox (inputs, outputs) on disk for a closer look.</summary>
    public bool Keep { get; init; }

    /// <summary>Prints every case in full (command line, first line of stderr), not only the failures.</summary>
    public bool Verbose { get; init; }

    /// <summary>Builds each case and prints what it is, without running strata (to find a seed for a kind of input).</summary>
    public bool DescribeOnly { get; init; }

    public static bool IsFuzzCommandLine(string[] args) => args.Any(arg => FuzzFlags.Contains(arg.Split('=')[0], StringComparer.Ordinal));

    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions();
        var seeds = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string Value() => inline ?? (++i < args.Length ? args[i] : throw new ArgumentException($"{name}: a value is required"));
            switch (name)
            {
                case "--seed":
                case "--seeds":
                    seeds.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseInt));
                    break;
                case "--start-seed":
                    options = options with { StartSeed = ParseInt(Value()) };
                    break;
                case "--cases":
                    options = options with { Cases = ParseInt(Value()) };
                    break;
                case "--minutes":
                    options = options with { Minutes = double.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--parallel":
                    options = options with { Parallel = Math.Max(1, ParseInt(Value())) };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--describe":
                    options = options with { DescribeOnly = true };
                    break;
                case "--verbose":
                    options = options with { Verbose = true };
                    break;
                default:
                    throw new ArgumentException($"{name}: unknown option (known: {string.Join(", ", FuzzFlags)})");
            }
        }
        return options with { Seeds = seeds };
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
