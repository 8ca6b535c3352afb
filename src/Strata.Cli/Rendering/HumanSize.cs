using System.Globalization;

namespace Strata.Cli.Rendering;

/// <summary>Sizes in SI units as dive prints them: <c>1.2 MB</c>, <c>32 kB</c>, <c>512 B</c>.</summary>
public static class HumanSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Format(long bytes)
    {
        if (bytes < 0)
        {
            return "-" + Format(-bytes);
        }
        if (bytes < 1000)
        {
            return $"{bytes} B";
        }
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        var format = value < 10 ? "0.0" : "0";
        return $"{value.ToString(format, CultureInfo.InvariantCulture)} {Units[unit]}";
    }

    public static string Percent(double ratio) => (ratio * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
