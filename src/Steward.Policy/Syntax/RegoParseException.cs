namespace Steward.Policy.Syntax;

/// <summary>
/// A Rego syntax error. The message is formatted like OPA's: <c>file:line:col: rego_parse_error: detail</c>
/// (without the file part when none was given).
/// </summary>
public sealed class RegoParseException : Exception
{
    /// <summary>Creates the exception for an error at a position.</summary>
    /// <param name="fileName">The file name, or null.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="detail">The error without its position, e.g. <c>unexpected } token</c>.</param>
    public RegoParseException(string? fileName, int line, int column, string detail)
        : base($"{(fileName is null ? "" : fileName + ":")}{line}:{column}: rego_parse_error: {detail}")
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The file name given to the parser, or null.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>The error without its position.</summary>
    public string Detail { get; }
}
