using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>A compiled rule definition (one of possibly several at a node), with its <c>else</c> chain.</summary>
internal sealed class CRule
{
    public required RuleKind Kind { get; init; }

    /// <summary>The head's path elements after the node's static path (partial objects and refhead sets).</summary>
    public CTerm[] DynamicPath { get; set; } = [];

    /// <summary>The value (complete, partial object, function) or the element (partial set).</summary>
    public CTerm? Value { get; set; }

    /// <summary>The parameters of a function.</summary>
    public CTerm[] Parameters { get; set; } = [];

    public CLiteral[] Body { get; set; } = [];

    public int SlotCount { get; set; }

    /// <summary>
    /// For a rule of an input-dependent multi-value node whose first literal reads only base documents and
    /// data-constant rules (no variable, no <c>input</c>, no <c>with</c>): a dense number under which evaluations
    /// over the same data share that literal's outcome (<see cref="DataConstancy.MarkGuards"/>); otherwise -1.
    /// </summary>
    public int GuardId { get; set; } = -1;

    public CRule? Else { get; set; }

    /// <summary>
    /// Whether every body literal has a compiled inline form (set by <see cref="BodyCompiler"/>): the body then
    /// usually runs as a straight sequence of tests and assignments, without continuations.
    /// </summary>
    public bool InlineBody { get; set; }

    /// <summary>Whether the body runs through the evaluator's loop runner (compiled literals and iterations; set by <see cref="BodyCompiler"/>).</summary>
    public bool LoopBody { get; set; }

    public required string File { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>The order of definition across all modules.</summary>
    public int Order { get; init; }

    /// <summary>The syntax, kept until lowering.</summary>
    public required Rule Syntax { get; init; }

    /// <summary>The syntax of the head's dynamic path elements, kept until lowering.</summary>
    public required Term[] DynamicSyntax { get; init; }

    /// <summary>The module the rule belongs to, kept until lowering.</summary>
    public required ModuleScope Module { get; init; }
}
