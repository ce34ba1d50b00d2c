namespace Steward.Policy.Syntax;

/// <summary>An infix operator application such as <c>a + b</c> or <c>x == y</c>.</summary>
/// <param name="Location">Where the left operand starts.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record BinaryTerm(SourceLocation Location, BinaryOperator Operator, Term Left, Term Right) : Term(Location);
