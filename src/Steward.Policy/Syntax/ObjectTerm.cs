namespace Steward.Policy.Syntax;

/// <summary>An object literal <c>{"k": v}</c>; <c>{}</c> is the empty object.</summary>
/// <param name="Location">Where the term starts.</param>
/// <param name="Entries">The key/value pairs as written.</param>
public sealed record ObjectTerm(SourceLocation Location, IReadOnlyList<ObjectEntry> Entries) : Term(Location);
