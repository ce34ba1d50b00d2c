using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>A node of the rule tree: the rules whose static path ends here and the child nodes below.</summary>
internal sealed class RuleNode(string[] path)
{
    /// <summary>The path below <c>data</c>.</summary>
    public string[] Path { get; } = path;

    public Dictionary<string, RuleNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>The rules defined at this path (not counting default rules).</summary>
    public List<CRule> Rules { get; } = [];

    /// <summary>The default rule, if any.</summary>
    public CRule? Default { get; set; }

    /// <summary>The kind shared by the node's rules.</summary>
    public RuleKind Kind { get; set; }

    /// <summary>The index over the rules' input equality tests, for nodes with many rules; null otherwise.</summary>
    public RuleIndex? Index { get; set; }

    /// <summary>Whether the node or any node below holds rules.</summary>
    public bool HasRules { get; set; }

    /// <summary>A dense number for per-query caches (see <see cref="RuleTree.NodeCount"/>); -1 for nodes created after compilation.</summary>
    public int Id { get; set; } = -1;

    /// <summary>Whether the node's value is a function (not a document).</summary>
    public bool IsFunction => Kind == RuleKind.Function;

    /// <summary>For single-value rules whose head is ground and body empty: the constant value (an indexing shortcut).</summary>
    public Value? Constant { get; set; }

    /// <summary>
    /// Whether the node's value depends only on base documents (not on input, the clock or other
    /// nondeterministic built-ins, <c>with</c> or <c>print</c>): it can then be shared between evaluations over the same data.
    /// </summary>
    public bool IsDataConstant { get; set; }

    /// <summary>
    /// For a function with one definition, no <c>else</c>, parameters that are variables or constants and a body
    /// whose literals all compiled (set by <see cref="BodyCompiler"/>): that definition, which a call runs as a
    /// straight sequence without the definitions loop and the collector. Null otherwise.
    /// </summary>
    public CRule? StraightFunction { get; set; }

    /// <summary>The largest frame any of the node's rules needs (worked out on first use; the rules do not change after compilation).</summary>
    public int MaxSlotCount
    {
        get
        {
            if (_maxSlotCount < 0)
            {
                var max = 0;
                foreach (var rule in Rules)
                {
                    max = Math.Max(max, rule.SlotCount);
                }

                _maxSlotCount = max;
            }

            return _maxSlotCount;
        }
    }

    private int _maxSlotCount = -1;

    /// <summary>
    /// For a straight function whose parameters are distinct variables and which has no default: the parameters'
    /// slots, which calls from compiled code bind directly (<c>Evaluator.CallLean</c>); empty otherwise. Worked out on first use, after compilation has
    /// set <see cref="StraightFunction"/> for every node (a caller may be compiled before the function it calls).
    /// </summary>
    public int[] LeanSlots => _leanSlots ??= Evaluation.Evaluator.LeanParameterSlots(this) ?? [];

    private int[]? _leanSlots;

    public string DottedPath => "data." + string.Join('.', Path);

    public RuleNode Child(string key)
    {
        if (!Children.TryGetValue(key, out var child))
        {
            child = new RuleNode([.. Path, key]);
            Children[key] = child;
        }

        return child;
    }
}
