namespace Steward.Policy.Syntax;

/// <summary>Kinds of Rego tokens.</summary>
internal enum TokenKind
{
    Eof,
    Ident,
    Number,
    String,
    RawString,

    // template strings ($"..." and $`...`): the text before the first expression, between two, after the last,
    // or the whole text when there is no expression; each Text is the decoded text
    TemplateHead,
    TemplateMiddle,
    TemplateTail,
    TemplateWhole,

    // keywords
    Package,
    Import,
    Default,
    Not,
    Some,
    Every,
    In,
    With,
    As,
    Else,
    If,
    Contains,
    True,
    False,
    Null,

    // operators and punctuation
    Assign,
    Unify,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Amp,
    Bar,
    Dot,
    Comma,
    Semicolon,
    Colon,
    LBrack,
    RBrack,
    LBrace,
    RBrace,
    LParen,
    RParen,
}
