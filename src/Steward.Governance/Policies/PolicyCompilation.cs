using Steward.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Syntax;

namespace Steward.Governance.Policies;

/// <summary>Parses and compiles modules, turning the engine's errors into <see cref="PolicyCompileFailedException"/>.</summary>
public static class PolicyCompilation
{
    /// <summary>The package of a module (<c>a.b</c>), or the parse error as a compile failure.</summary>
    public static string PackageOf(string id, string text)
    {
        try
        {
            return string.Join('.', RegoParser.ParseModule(text, id).Package.Path);
        }
        catch (RegoParseException e)
        {
            throw new PolicyCompileFailedException([new RegoError(ErrorCodes.Parse, e.Detail, e.FileName, e.Line, e.Column)]);
        }
    }

    /// <summary>Compiles modules together with <paramref name="builtins"/> (OPA's core library when null); every error is reported.</summary>
    public static CompiledPolicy Compile(IEnumerable<PolicySource> sources, BuiltinRegistry? builtins = null)
    {
        try
        {
            return CompiledPolicy.Compile(sources, builtins);
        }
        catch (RegoCompileException e)
        {
            throw new PolicyCompileFailedException(e.Errors);
        }
    }
}
