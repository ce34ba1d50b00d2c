namespace Steward.Policy.Syntax;

/// <summary>Parses Rego v1 (OPA 1.x) source text.</summary>
public static class RegoParser
{
    /// <summary>Parses a module: a <c>package</c> declaration, imports and rules.</summary>
    /// <param name="text">The module source.</param>
    /// <param name="fileName">A file name for error messages, or null.</param>
    /// <returns>The module's syntax tree.</returns>
    /// <exception cref="RegoParseException">The text is not valid Rego v1.</exception>
    public static Module ParseModule(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Lexer.Tokenize(text, fileName, out var comments);
        var module = new Parser(tokens, fileName).ParseModule();
        comments.RemoveAll(c => c.Column != 1);
        return comments.Count == 0 ? module : module with { Metadata = MetadataBlocks.Find(comments, module) };
    }

    /// <summary>Parses a query: one or more literals separated by <c>;</c> or newlines.</summary>
    /// <param name="text">The query source, e.g. <c>data.test.p = x</c>.</param>
    /// <returns>The literals of the query in order.</returns>
    /// <exception cref="RegoParseException">The text is not a valid Rego query.</exception>
    public static IReadOnlyList<Literal> ParseQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(Lexer.Tokenize(text, null), null).ParseQuery();
    }
}
