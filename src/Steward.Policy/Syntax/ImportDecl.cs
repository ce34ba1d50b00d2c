namespace Steward.Policy.Syntax;

/// <summary>An <c>import data.x.y as z</c> declaration.</summary>
/// <param name="Location">Where the <c>import</c> keyword is.</param>
/// <param name="Path">The imported reference (a variable such as <c>input</c>, or a reference).</param>
/// <param name="Alias">The alias after <c>as</c>, if any.</param>
public sealed record ImportDecl(SourceLocation Location, Term Path, string? Alias) : Node(Location);
