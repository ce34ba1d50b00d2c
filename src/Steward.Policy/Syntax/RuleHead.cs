namespace Steward.Policy.Syntax;

/// <summary>
/// The head of a rule: its name (a variable or a reference such as <c>a.b[c]</c>), the arguments of a
/// function, the element of a <c>contains</c> rule, and the value.
/// </summary>
/// <param name="Location">Where the head starts.</param>
/// <param name="Name">The rule name: a <see cref="VarTerm"/> or a <see cref="RefTerm"/> headed by one.</param>
/// <param name="Arguments">The parameters of a function rule, otherwise null.</param>
/// <param name="Contains">The element of a multi-value (<c>contains</c>) rule, otherwise null.</param>
/// <param name="Value">The value after <c>:=</c> or <c>=</c>; null when omitted (the value is then <c>true</c>).</param>
/// <param name="Assign">Whether the value was given with <c>:=</c> rather than <c>=</c>.</param>
public sealed record RuleHead(SourceLocation Location, Term Name, IReadOnlyList<Term>? Arguments, Term? Contains, Term? Value, bool Assign) : Node(Location);
