namespace Steward.Policy.Syntax;

/// <summary>A function call such as <c>count(x)</c> or <c>data.lib.f(1, 2)</c>.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Function">The called function: a variable or a reference.</param>
/// <param name="Arguments">The arguments in order.</param>
public sealed record CallTerm(SourceLocation Location, Term Function, IReadOnlyList<Term> Arguments) : Term(Location);
