namespace Steward.Policy;

/// <summary>OPA's error codes.</summary>
public static class ErrorCodes
{
    /// <summary>Syntax error.</summary>
    public const string Parse = "rego_parse_error";

    /// <summary>Compile error (e.g. conflicting rule kinds, bad <c>with</c> target).</summary>
    public const string Compile = "rego_compile_error";

    /// <summary>A variable that no expression binds.</summary>
    public const string UnsafeVar = "rego_unsafe_var_error";

    /// <summary>A rule that depends on itself.</summary>
    public const string Recursion = "rego_recursion_error";

    /// <summary>A type error found before evaluation (unknown function, wrong number of arguments).</summary>
    public const string Type = "rego_type_error";

    /// <summary>A complete rule or function produced more than one value.</summary>
    public const string EvalConflict = "eval_conflict_error";

    /// <summary>A built-in got an operand of the wrong type.</summary>
    public const string EvalType = "eval_type_error";

    /// <summary>A built-in failed.</summary>
    public const string EvalBuiltin = "eval_builtin_error";

    /// <summary>Evaluation was cancelled or ran past its time limit.</summary>
    public const string EvalCancel = "eval_cancel_error";
}
