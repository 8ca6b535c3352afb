using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Analysis.Caching;

/// <summary>
/// The version of the code behind a cached result: the module version id of the assemblies that hold it (the compiler
/// derives it from the assembly's content, so any change to the code, in that type or a helper beside it, gives a new
/// one) with the type's name. Conservative on purpose: a cataloger never has to remember to bump a number.
/// </summary>
public static class CodeVersion
{
    public static string Of(params Type[] types)
    {
        var text = string.Join(';', types.Select(t => $"{t.FullName}@{t.Assembly.ManifestModule.ModuleVersionId:N}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public static string Of(Assembly assembly) => assembly.ManifestModule.ModuleVersionId.ToString("N");
}
