namespace Steward.Policy.Syntax;

/// <summary>An object comprehension <c>{key: value | body}</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Key">The key collected for each solution.</param>
/// <param name="Value">The value collected for each solution.</param>
/// <param name="Body">The body.</param>
public sealed record ObjectComprehension(SourceLocation Location, Term Key, Term Value, IReadOnlyList<Literal> Body) : Term(Location);
