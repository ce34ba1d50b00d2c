namespace Steward.Policy.Syntax;

/// <summary>One <c>key: value</c> pair of an object literal.</summary>
/// <param name="Key">The key term.</param>
/// <param name="Value">The value term.</param>
public sealed record ObjectEntry(Term Key, Term Value);
