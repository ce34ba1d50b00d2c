using Steward.Policy.Builtins;
using Steward.Policy.Compilation;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

// The evaluation form: terms and literals with variables resolved to frame slots, rule references resolved
// to the rule tree, and body literals ordered for safety. The node types are small and only meaningful
// together, so they share this file.

/// <summary>A compiled term.</summary>
internal abstract class CTerm
{
    /// <summary>Whether the term holds no variables at all (its value never depends on bindings).</summary>
    public bool IsGround { get; init; }

    public SourceLocation Location { get; init; }

    /// <summary>
    /// The compiled single-value form (see <see cref="Evaluator"/>'s <c>CompileTerm</c>): set after lowering
    /// for the terms it covers, null where the interpreter decides.
    /// </summary>
    public SingleFn? Single { get; set; }

    /// <summary>
    /// Whether evaluating this term's parts one after another as single values could do costly or printing work
    /// and then hand over to the interpreter, which would do it again, and the two facts that decides: flags
    /// worked out once each (see <c>Evaluator.SpeculationUnsafe</c>).
    /// </summary>
    public int SpeculationState { get; set; }
}

/// <summary>A constant.</summary>
internal sealed class CConst(Value value) : CTerm
{
    /// <summary>
    /// The value. A string's hash is computed here, once: with parsed keys hashed too (<see cref="ValueJson"/>),
    /// comparing a constant key with an object's other keys stops at the hash instead of comparing characters.
    /// Short strings are the shared instances of <see cref="KnownStrings"/>, which the JSON reader also gives
    /// recognised keys, so the final comparison of a found key is by reference.
    /// </summary>
    public Value Value { get; } = value is StringValue s ? KnownStrings.Share(WithHash(s)) : value;

    private static StringValue WithHash(StringValue s)
    {
        _ = s.GetHashCode();
        return s;
    }
}

/// <summary>A variable in the rule's frame.</summary>
internal sealed class CVar(int slot, string name) : CTerm
{
    public int Slot { get; } = slot;

    public string Name { get; } = name;
}

/// <summary>Where a reference starts.</summary>
internal enum RefRoot
{
    /// <summary>A term (variable, call, literal) whose value is then indexed.</summary>
    Term,
    /// <summary><c>data</c>: the rule tree and base documents.</summary>
    Data,
    /// <summary><c>input</c>.</summary>
    Input,
}

/// <summary>A reference: a root followed by path elements (constants, variables or other terms).</summary>
internal sealed class CRef(RefRoot root, CTerm? head, CTerm[] path) : CTerm
{
    public RefRoot Root { get; } = root;

    public CTerm? Head { get; } = head;

    public CTerm[] Path { get; } = path;

    /// <summary>For a <c>data</c> reference: the rule node its constant prefix leads to, resolved on first use.</summary>
    public RuleTarget? RuleTarget { get; set; }

    /// <summary>
    /// Whether this <c>data</c> reference has constant keys and reaches only base documents or data-constant rules,
    /// so its value depends on the data document alone: 0 not known yet, 1 no, 2 yes (resolved on first use).
    /// </summary>
    public int DataConstantState { get; set; }

    /// <summary>For a data-constant reference: its last value and the data document it was computed for.</summary>
    public DataMemo? Memo { get; set; }
}

/// <summary>
/// The value of a data-constant reference for one data document (null when undefined) and one setting of strict
/// built-in errors (without them an error may have become undefined). Immutable, so threads may replace it freely:
/// a reader sees either the old or the new value, never a mix.
/// </summary>
internal sealed record DataMemo(Value Data, Value? Value, bool Strict);

/// <summary>
/// Where a <c>data</c> reference's constant prefix meets rules: <see cref="Node"/> after <see cref="Consumed"/>
/// path elements, or no node when the reference reads base documents (or needs the general walk). The rule tree
/// does not change after compilation, so this is resolved once per reference, not per evaluation.
/// </summary>
internal sealed record RuleTarget(RuleNode? Node, int Consumed)
{
    public static readonly RuleTarget None = new(null, 0);
}

/// <summary>A call of a built-in or of a function rule.</summary>
internal sealed class CCall(string name, Builtin? builtin, RuleNode? function, CTerm[] args) : CTerm
{
    /// <summary>The name (built-in name or <c>data.pkg.f</c>), used in errors and for <c>with</c> mocks.</summary>
    public string Name { get; } = name;

    public Builtin? Builtin { get; } = builtin;

    public RuleNode? Function { get; } = function;

    public CTerm[] Args { get; } = args;
}

/// <summary>An array literal.</summary>
internal sealed class CArray(CTerm[] items) : CTerm
{
    public CTerm[] Items { get; } = items;
}

/// <summary>A set literal.</summary>
internal sealed class CSet(CTerm[] items) : CTerm
{
    public CTerm[] Items { get; } = items;
}

/// <summary>An object literal.</summary>
internal sealed class CObject(CTerm[] keys, CTerm[] values) : CTerm
{
    public CTerm[] Keys { get; } = keys;

    public CTerm[] Values { get; } = values;
}

/// <summary>The kinds of comprehension.</summary>
internal enum ComprehensionKind
{
    Array,
    Set,
    Object,
}

/// <summary>An array, set or object comprehension.</summary>
internal sealed class CComprehension(ComprehensionKind kind, CTerm head, CTerm? value, CLiteral[] body) : CTerm
{
    public ComprehensionKind Kind { get; } = kind;

    /// <summary>The element (or the key, for objects).</summary>
    public CTerm Head { get; } = head;

    /// <summary>The value, for objects.</summary>
    public CTerm? Value { get; } = value;

    public CLiteral[] Body { get; } = body;

    /// <summary>The slots the body binds, cleared before each evaluation.</summary>
    public int[] LocalSlots { get; init; } = [];

    /// <summary>Whether the body runs through the evaluator's loop runner (compiled literals and iterations; set by <c>BodyCompiler</c>).</summary>
    public bool LoopBody { get; set; }

    /// <summary>Whether evaluating it may print (it calls print, a function, or uses with): 0 unknown, 1 no, 2 yes.</summary>
    public int PrintState { get; set; }
}

/// <summary>A compiled expression.</summary>
internal abstract class CExpr
{
}

/// <summary>A term that must be defined and not false.</summary>
internal sealed class CTermExpr(CTerm term) : CExpr
{
    public CTerm Term { get; } = term;
}

/// <summary>Unification of two terms (also <c>:=</c> after its checks).</summary>
internal sealed class CUnify(CTerm left, CTerm right) : CExpr
{
    public CTerm Left { get; } = left;

    public CTerm Right { get; } = right;

    /// <summary>Whether evaluating both sides as single values is unsafe (<c>Evaluator.SpeculationUnsafe</c>): 0 unknown, 1 no, 2 yes.</summary>
    public int SpeculationState { get; set; }
}

/// <summary><c>some k, v in collection</c>.</summary>
internal sealed class CSomeIn(CTerm? key, CTerm value, CTerm collection) : CExpr
{
    public CTerm? Key { get; } = key;

    public CTerm Value { get; } = value;

    public CTerm Collection { get; } = collection;
}

/// <summary><c>every k, v in domain { body }</c>.</summary>
internal sealed class CEvery(CTerm? key, CTerm value, CTerm domain, CLiteral[] body) : CExpr
{
    public CTerm? Key { get; } = key;

    public CTerm Value { get; } = value;

    public CTerm Domain { get; } = domain;

    public CLiteral[] Body { get; } = body;

    public int[] LocalSlots { get; init; } = [];
}

/// <summary>A declaration that always holds (<c>some x</c>).</summary>
internal sealed class CTrue : CExpr
{
    public static readonly CTrue Instance = new();
}

/// <summary>What a <c>with</c> modifier replaces.</summary>
internal enum WithKind
{
    Input,
    Data,
    Function,
}

/// <summary>A <c>with target as value</c> modifier.</summary>
internal sealed class CWith(WithKind kind, string[] path, string functionName, CTerm value, object? replacement = null) : CExpr
{
    /// <summary>For function targets replaced by another function: the function rule node or the built-in.</summary>
    public object? Replacement { get; } = replacement;

    public WithKind Kind { get; } = kind;

    /// <summary>The replaced path under input or data.</summary>
    public string[] Path { get; } = path;

    /// <summary>The replaced function, for <see cref="WithKind.Function"/>.</summary>
    public string FunctionName { get; } = functionName;

    public CTerm Value { get; } = value;
}

/// <summary>A body literal.</summary>
internal sealed class CLiteral(bool negated, CExpr expr, CWith[] with, SourceLocation location) : CExpr
{
    public bool Negated { get; } = negated;

    public CExpr Expr { get; } = expr;

    public CWith[] With { get; } = with;

    public SourceLocation Location { get; } = location;

    /// <summary>The compiled inline form of the literal, or null where the interpreter decides.</summary>
    public LiteralFn? Inline { get; set; }

    /// <summary>Whether the literal is <c>walk(x, [_, v])</c> run as a loop (worked out once; null until asked).</summary>
    public WalkLoopForm? WalkLoop { get; set; }
}

/// <summary>A <c>walk(x, [_, v])</c> literal's parts: the call and the pattern's two variables (<see cref="None"/>: not such a literal).</summary>
internal sealed record WalkLoopForm(CCall Call, CVar Wildcard, CVar Value)
{
    public static readonly WalkLoopForm None = new(null!, null!, null!);
}

/// <summary>A compiled query.</summary>
internal sealed class CompiledQuery(CLiteral[] body, int slotCount, (string Name, int Slot)[] variables, CTerm?[] expressionTerms)
{
    public CLiteral[] Body { get; } = body;

    public int SlotCount { get; } = slotCount;

    /// <summary>The named variables reported in bindings.</summary>
    public (string Name, int Slot)[] Variables { get; } = variables;

    /// <summary>For each literal in source order, the term whose value is the expression's value (null: <c>true</c>).</summary>
    public CTerm?[] ExpressionTerms { get; } = expressionTerms;
}
