namespace Steward.Policy.Syntax;

/// <summary>The <c>package a.b.c</c> declaration.</summary>
/// <param name="Location">Where the <c>package</c> keyword is.</param>
/// <param name="Path">The path components below <c>data</c>.</param>
public sealed record PackageDecl(SourceLocation Location, IReadOnlyList<string> Path) : Node(Location)
{
    /// <inheritdoc />
    public override string ToString() => "package " + string.Join('.', Path);
}
