namespace Steward.Policy.Syntax;

/// <summary>Infix operators, named after the OPA built-ins they stand for.</summary>
public enum BinaryOperator
{
    /// <summary><c>==</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    LessThan,
    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c></summary>
    GreaterThan,
    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,
    /// <summary><c>|</c> (set union)</summary>
    Or,
    /// <summary><c>&amp;</c> (set intersection)</summary>
    And,
    /// <summary><c>+</c></summary>
    Plus,
    /// <summary><c>-</c> (subtraction or set difference)</summary>
    Minus,
    /// <summary><c>*</c></summary>
    Multiply,
    /// <summary><c>/</c></summary>
    Divide,
    /// <summary><c>%</c></summary>
    Remainder,
}
