namespace Steward.Policy.Compilation;

/// <summary>The kinds of rule.</summary>
internal enum RuleKind
{
    /// <summary>No rules at the node itself.</summary>
    None,
    /// <summary>A single value (<c>p := 1</c>, <c>allow if ...</c>).</summary>
    Complete,
    /// <summary>A multi-value rule (<c>p contains x if ...</c>), possibly below dynamic keys.</summary>
    PartialSet,
    /// <summary>A single-value rule with dynamic keys in its head (<c>p[k] := v</c>).</summary>
    PartialObject,
    /// <summary>A function (<c>f(x) := y</c>).</summary>
    Function,
}
