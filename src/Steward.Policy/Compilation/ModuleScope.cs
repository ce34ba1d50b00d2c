using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>What names mean inside one module: its package, imports and the rule names it defines.</summary>
internal sealed class ModuleScope(string file, string[] package)
{
    public string File { get; } = file;

    public string[] Package { get; } = package;

    /// <summary>Import aliases and what they stand for (<c>data</c> or <c>input</c> refs).</summary>
    public Dictionary<string, Term> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>The first path element of every rule defined in this package (across all its modules).</summary>
    public HashSet<string> RuleNames { get; set; } = new(StringComparer.Ordinal);
}
