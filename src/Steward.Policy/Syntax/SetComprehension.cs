namespace Steward.Policy.Syntax;

/// <summary>A set comprehension <c>{term | body}</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Head">The term collected for each solution of the body.</param>
/// <param name="Body">The body.</param>
public sealed record SetComprehension(SourceLocation Location, Term Head, IReadOnlyList<Literal> Body) : Term(Location)
{
    /// <summary>
    /// Whether the body's variables belong to the enclosing body (an implicit operand of <c>and</c>/<c>or</c>, which
    /// cannot declare variables): they must then be bound there, instead of being local as in a comprehension.
    /// </summary>
    public bool Transparent { get; init; }
}
