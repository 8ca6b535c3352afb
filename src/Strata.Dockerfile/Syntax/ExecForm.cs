using System.Text.Json;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads exec-form arguments: a JSON array of strings. Anything else (not starting with <c>[</c>, invalid JSON, or
/// an element that is not a string) is not exec form, and the builder runs such text through the shell.
/// </summary>
internal static class ExecForm
{
    public static IReadOnlyList<string>? TryRead(string arguments)
    {
        if (!arguments.StartsWith('['))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(arguments, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var strings = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }
                strings.Add(element.GetString()!);
            }
            return strings;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
