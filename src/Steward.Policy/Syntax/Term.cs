namespace Steward.Policy.Syntax;

/// <summary>A Rego term: a scalar, variable, reference, call, collection, comprehension or operator application.</summary>
/// <param name="Location">Where the term starts.</param>
public abstract record Term(SourceLocation Location) : Node(Location);
