namespace Steward.Policy;

/// <summary>Rego modules or a query could not be parsed or compiled; <see cref="Errors"/> lists every error found.</summary>
public sealed class RegoCompileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors (at least one).</param>
    public RegoCompileException(IReadOnlyList<RegoError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>The errors in source order.</summary>
    public IReadOnlyList<RegoError> Errors { get; }

    private static string Describe(IReadOnlyList<RegoError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} errors occurred:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}
