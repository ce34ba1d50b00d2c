using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Steward.Policy.Builtins;
using Steward.Policy.Compilation;
using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy;

/// <summary>
/// A set of Rego modules parsed, checked (safety, recursion, rule conflicts, unknown functions) and compiled
/// into an evaluation form. Immutable and thread-safe: compile once, evaluate from many threads.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly ConcurrentDictionary<string, PreparedQuery> _refQueries = new(StringComparer.Ordinal);
    private RefQuery? _lastRefQuery;

    private CompiledPolicy(IReadOnlyList<Module> modules, RuleTree tree, BuiltinRegistry builtins, bool interpreted)
    {
        Modules = modules;
        Tree = tree;
        Builtins = builtins;
        Interpreted = interpreted;
    }

    /// <summary>The parsed modules.</summary>
    public IReadOnlyList<Module> Modules { get; }

    /// <summary>The built-ins the policy may call.</summary>
    public BuiltinRegistry Builtins { get; }

    internal RuleTree Tree { get; }

    /// <summary>
    /// Whether rule bodies were left without compiled forms, so the interpreter evaluates everything (the
    /// reference the compiled forms are tested against).
    /// </summary>
    internal bool Interpreted { get; }

    /// <summary>Values of data-constant rules, shared by evaluations over the same base-document object.</summary>
    internal ConditionalWeakTable<Value, SharedTable> SharedValues { get; } = new();

    /// <summary>
    /// The same for evaluations with strict built-in errors: a value computed without them may hide a built-in error
    /// as undefined, which a strict evaluation must raise, so the two never share.
    /// </summary>
    internal ConditionalWeakTable<Value, SharedTable> StrictSharedValues { get; } = new();

    /// <summary>Creates the shared table for a new data document (one delegate, not one per lookup).</summary>
    internal ConditionalWeakTable<Value, SharedTable>.CreateValueCallback NewSharedTable => _newSharedTable ??= _ => new SharedTable(Tree.GuardCount);

    private ConditionalWeakTable<Value, SharedTable>.CreateValueCallback? _newSharedTable;

    /// <summary>Parses and compiles modules.</summary>
    /// <param name="modules">The modules; names are used in error messages.</param>
    /// <param name="builtins">The built-ins, or null for OPA's core library.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="RegoCompileException">A module has syntax or compile errors; all found are listed.</exception>
    public static CompiledPolicy Compile(IEnumerable<PolicySource> modules, BuiltinRegistry? builtins = null) =>
        Compile(modules, builtins, interpreted: false);

    /// <summary>Parses and compiles modules, optionally without compiled bodies (see <see cref="Interpreted"/>).</summary>
    internal static CompiledPolicy Compile(IEnumerable<PolicySource> modules, BuiltinRegistry? builtins, bool interpreted)
    {
        ArgumentNullException.ThrowIfNull(modules);
        builtins ??= BuiltinRegistry.Default;
        var (parsed, tree) = PolicyCompiler.Compile([.. modules], builtins);
        if (!interpreted)
        {
            BodyCompiler.Run(tree);
        }

        return new CompiledPolicy(parsed, tree, builtins, interpreted);
    }

    /// <summary>Compiles one module.</summary>
    /// <param name="name">The module name.</param>
    /// <param name="text">The Rego source.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="RegoCompileException">The module has syntax or compile errors.</exception>
    public static CompiledPolicy Compile(string name, string text) => Compile([new PolicySource(name, text)]);

    /// <summary>Parses and compiles a query against this policy.</summary>
    /// <param name="query">The query, e.g. <c>data.x.allow</c> or <c>x := data.a[_]; x &gt; 1</c>.</param>
    /// <returns>The prepared query.</returns>
    /// <exception cref="RegoCompileException">The query has syntax or compile errors.</exception>
    public PreparedQuery Prepare(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var compiled = PolicyCompiler.CompileQuery(this, query);
        if (!Interpreted)
        {
            BodyCompiler.Query(compiled);
        }

        return new PreparedQuery(this, compiled, query);
    }

    /// <summary>
    /// Evaluates the document at a path under <c>data</c> (as OPA's <c>/v1/data/{path}</c> does): the empty
    /// path is the whole of <c>data</c>.
    /// </summary>
    /// <param name="path">The path segments below <c>data</c>, e.g. <c>["ai_policy", "allow"]</c>.</param>
    /// <param name="options">Input, data and limits.</param>
    /// <returns>The document, or null when it is undefined.</returns>
    /// <exception cref="RegoEvalException">Evaluation failed (conflict, strict built-in error, time limit).</exception>
    public Value? EvaluateData(IReadOnlyList<string> path, EvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        // Callers usually ask for the same path again and again: compare with the last one before building a key.
        var last = _lastRefQuery;
        if (last is not null && SamePath(last.Path, path))
        {
            return last.Query.EvaluateFirst(options);
        }

        var key = path.Count == 1 ? path[0] : string.Join('\u001f', path);
        if (!_refQueries.TryGetValue(key, out var prepared))
        {
            var text = "data" + string.Concat(path.Select(p => "[" + new StringValue(p) + "]"));
            prepared = _refQueries.GetOrAdd(key, Prepare(text));
        }

        _lastRefQuery = new RefQuery([.. path], prepared);

        return prepared.EvaluateFirst(options);
    }

    /// <summary>The fully qualified names of the rules whose names start with a prefix (e.g. <c>test_</c>), one per rule name.</summary>
    /// <param name="namePrefix">The prefix of the last path element.</param>
    /// <returns>Paths such as <c>data.pkg.test_allow</c>, in source order.</returns>
    public IReadOnlyList<string> RulesNamed(string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        return Tree.RulePaths().Where(p => p[^1].StartsWith(namePrefix, StringComparison.Ordinal))
            .Select(p => "data." + string.Join('.', p)).Distinct().ToList();
    }

    private static bool SamePath(string[] known, IReadOnlyList<string> path)
    {
        if (known.Length != path.Count)
        {
            return false;
        }

        for (var i = 0; i < known.Length; i++)
        {
            if (!string.Equals(known[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record RefQuery(string[] Path, PreparedQuery Query);
}
