namespace Steward.Policy;

/// <summary>One error found in Rego text or raised while evaluating it, with OPA's error code.</summary>
/// <param name="Code">OPA's code, e.g. <c>rego_parse_error</c>, <c>rego_unsafe_var_error</c>, <c>eval_conflict_error</c>.</param>
/// <param name="Message">The message without position.</param>
/// <param name="File">The module name, if known.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record RegoError(string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    /// <summary>The error as OPA prints it: <c>file:line:col: code: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var where = Line > 0 ? $"{(File is null ? "" : File + ":")}{Line}:{Column}: " : File is null ? "" : File + ": ";
        return $"{where}{Code}: {Message}";
    }
}
