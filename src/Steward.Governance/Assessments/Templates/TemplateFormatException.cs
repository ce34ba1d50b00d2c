namespace Steward.Governance.Assessments.Templates;

/// <summary>A template that cannot be used: where (file, line, column) and why.</summary>
public sealed class TemplateFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public TemplateFormatException(string source, long line, long column, string reason)
        : base($"{source}:{line}:{column}: {reason}")
    {
        Source = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file (or <c>request body</c>) the template came from.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the offending node.</summary>
    public long Line { get; }

    /// <summary>1-based column of the offending node.</summary>
    public long Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
