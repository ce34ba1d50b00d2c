namespace Steward.Policy.Syntax;

/// <summary>A variable (including <c>_</c>, <c>data</c> and <c>input</c>).</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Name">The variable name.</param>
public sealed record VarTerm(SourceLocation Location, string Name) : Term(Location);
