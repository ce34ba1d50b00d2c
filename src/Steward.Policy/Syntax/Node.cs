namespace Steward.Policy.Syntax;

/// <summary>Base of every Rego syntax node.</summary>
/// <param name="Location">Where the node starts in the source.</param>
public abstract record Node(SourceLocation Location);
