using System.Text;

namespace Strata.Images.Layers;

/// <summary>Reads the numeric fields of a tar header: octal text (POSIX ustar) or GNU's base-256 for large values.</summary>
internal static class TarNumber
{
    /// <summary>
    /// The field's value, or null with <paramref name="problem"/> saying why it is not a number. Leading spaces and
    /// trailing spaces or NULs are padding; an empty field is 0, as every tar reader takes it.
    /// </summary>
    public static long? Parse(ReadOnlySpan<byte> field, bool allowBase256, out string? problem)
    {
        problem = null;
        if (allowBase256 && field.Length > 0 && (field[0] & 0x80) != 0)
        {
            if (field[0] != 0x80)
            {
                problem = "is a negative base-256 number";
                return null;
            }
            long value = 0;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                {
                    problem = "is a base-256 number too large for any file";
                    return null;
                }
                value = (value << 8) | b;
            }
            return value;
        }
        var digits = Trim(field);
        long octal = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                problem = $"'{Show(field)}' is not octal";
                return null;
            }
            if (octal > (long.MaxValue >> 3))
            {
                problem = $"'{Show(field)}' is too large";
                return null;
            }
            octal = (octal << 3) | (long)(b - '0');
        }
        return octal;
    }

    /// <summary>True when the field holds nothing but padding.</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> field) => Trim(field).IsEmpty;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        var start = 0;
        while (start < field.Length && field[start] == (byte)' ')
        {
            start++;
        }
        var end = field.Length;
        while (end > start && field[end - 1] is 0 or (byte)' ')
        {
            end--;
        }
        return field[start..end];
    }

    /// <summary>A field's bytes as printable text: padding dropped, anything not printable ASCII escaped.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        var trimmed = Trim(field);
        var text = new StringBuilder(trimmed.Length);
        foreach (var b in trimmed)
        {
            if (b is >= 0x20 and < 0x7f && b != (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append($"\\x{b:x2}");
            }
        }
        return text.ToString();
    }
}
