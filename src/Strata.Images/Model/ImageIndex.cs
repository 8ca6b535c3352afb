namespace Strata.Images.Model;

/// <summary>An OCI image index or Docker manifest list (also an OCI layout's <c>index.json</c>).</summary>
public sealed record ImageIndex(IReadOnlyList<Descriptor> Manifests)
{
    public static ImageIndex Parse(ReadOnlyMemory<byte> json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        var root = JsonFields.RequireObject(document.RootElement, context);
        var manifests = JsonFields.MapArray(root, "manifests", context, (m, i) => JsonFields.ReadDescriptor(m, $"{context}: manifests[{i}]"));
        return new ImageIndex(manifests);
    }
}
