namespace Steward.Policy.Syntax;

/// <summary>Unary minus applied to a non-literal operand, <c>-x</c> (a negative number literal is a <see cref="NumberTerm"/>).</summary>
/// <param name="Location">Where the minus sign is.</param>
/// <param name="Operand">The negated term.</param>
public sealed record UnaryMinusTerm(SourceLocation Location, Term Operand) : Term(Location);
