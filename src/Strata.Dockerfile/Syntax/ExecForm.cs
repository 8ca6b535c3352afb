using System.Text.Json;

namespace Strata.Dockerfile.Syntax;

/// <summary>
/// Reads exec-form arguments: a JSON array of strings. Text that does not start with <c>[</c> or is not valid JSON is
/// not exec form, and the builder runs it through the shell; a valid JSON array holding something other than strings
/// is an error, as the builder says.
/// </summary>
internal static class ExecForm
{
    /// <summary>The array's strings, or null for shell form; <paramref name="notStrings"/> is set for an array
    /// that holds something other than strings.</summary>
    public static IReadOnlyList<string>? TryRead(string arguments, out bool notStrings)
    {
        notStrings = false;
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
                    notStrings = true;
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
