namespace Steward.Policy.Syntax;

/// <summary>A position in Rego source text: 1-based line and column (columns count UTF-16 code units).</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
