using System.Globalization;

namespace Strata.Policy.Policies.Builtin;

/// <summary>dive's efficiency score (bytes of the final file system over bytes of every layer's files) is at least <c>efficiency</c>; 0.9 by default, as dive's CI rule.</summary>
public sealed class MinEfficiencyPolicy(double minimum) : IPolicy
{
    public const string PolicyName = "min-efficiency";

    public const double DefaultMinimum = 0.9;

    public string Name => PolicyName;

    public string Description => string.Create(CultureInfo.InvariantCulture, $"dive's efficiency score is at least {minimum:0.####}");

    public static MinEfficiencyPolicy Read(PolicyParameters parameters)
    {
        var minimum = parameters.Ratio("efficiency", DefaultMinimum);
        parameters.Finish();
        return new MinEfficiencyPolicy(minimum);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var dive = context.Assessment.Analysis.Dive;
        var evidence = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"efficiency: {dive.Efficiency:0.####}"),
            string.Create(CultureInfo.InvariantCulture, $"wasted: {dive.WastedBytes:N0} bytes"),
        };
        return dive.Efficiency >= minimum
            ? PolicyResult.Pass(Name, string.Create(CultureInfo.InvariantCulture, $"efficiency {dive.Efficiency:0.####} is at least {minimum:0.####}"), evidence)
            : PolicyResult.Fail(Name, string.Create(CultureInfo.InvariantCulture, $"efficiency {dive.Efficiency:0.####} is below {minimum:0.####}"), evidence);
    }
}
