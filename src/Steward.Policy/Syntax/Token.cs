namespace Steward.Policy.Syntax;

/// <summary>
/// One token. <see cref="Text"/> is the source text, except for strings where it is the decoded value.
/// <see cref="NewlineBefore"/> records a line break (or comment line) between this token and the previous one.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, bool NewlineBefore, bool SpaceBefore)
{
    public SourceLocation Location => new(Line, Column);

    /// <summary>The token's name in error messages, following OPA (<c>ident</c>, <c>string</c>, or the operator text).</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "EOF",
        TokenKind.Ident => "ident",
        TokenKind.Number => "number",
        TokenKind.String or TokenKind.RawString or TokenKind.TemplateHead or TokenKind.TemplateWhole => "string",
        TokenKind.TemplateMiddle or TokenKind.TemplateTail => "}",
        _ => Text,
    };
}
