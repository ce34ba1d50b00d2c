namespace Steward.Policy.Syntax;

/// <summary>
/// A reference such as <c>data.a.b[x]</c> or <c>f(x).z</c>: a head term followed by path elements.
/// A dotted element <c>.name</c> is a <see cref="StringTerm"/>; a bracketed element is the term inside.
/// </summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Head">The head: a variable, call, collection or parenthesised term.</param>
/// <param name="Path">The path elements after the head (at least one).</param>
public sealed record RefTerm(SourceLocation Location, Term Head, IReadOnlyList<Term> Path) : Term(Location);
