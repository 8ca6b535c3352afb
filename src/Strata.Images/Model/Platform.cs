using System.Runtime.InteropServices;

namespace Strata.Images.Model;

/// <summary>An OS and CPU pair such as <c>linux/arm64/v8</c>.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    public static Platform Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new StrataException($"--platform: '{text}' is not of the form os/arch[/variant]");
        }
        return new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    public static Platform Host { get; } = new("linux", RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
    });

    /// <summary>
    /// Whether an image built for <paramref name="candidate"/> satisfies this wanted platform. A variant missing on
    /// either side matches any (image configs often leave out the variant their index gives).
    /// </summary>
    public bool Accepts(Platform candidate) =>
        string.Equals(Os, candidate.Os, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Architecture, candidate.Architecture, StringComparison.OrdinalIgnoreCase)
        && (Variant is null || candidate.Variant is null || string.Equals(Variant, candidate.Variant, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
