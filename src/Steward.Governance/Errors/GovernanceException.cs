namespace Steward.Governance.Errors;

/// <summary>Base class of the errors the governance domain reports to its callers.</summary>
public abstract class GovernanceException : Exception
{
    /// <summary>Creates the error with a human-readable message.</summary>
    protected GovernanceException(string message) : base(message) { }

    /// <summary>A short, stable title for the kind of error.</summary>
    public abstract string Title { get; }
}

/// <summary>The request is invalid; <see cref="Errors"/> maps field names to messages.</summary>
public sealed class ValidationFailedException : GovernanceException
{
    /// <summary>Creates a validation failure for the given fields.</summary>
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))) => Errors = errors;

    /// <summary>Creates a validation failure for one field.</summary>
    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    /// <summary>Field name to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc />
    public override string Title => "Validation failed";
}

/// <summary>The named object does not exist.</summary>
public sealed class NotFoundException(string message) : GovernanceException(message)
{
    /// <inheritdoc />
    public override string Title => "Not found";
}

/// <summary>The request conflicts with existing state (a duplicate name, a revoked key, ...).</summary>
public sealed class ConflictException(string message) : GovernanceException(message)
{
    /// <inheritdoc />
    public override string Title => "Conflict";
}

/// <summary>The actor is authenticated but may not do this (role or separation of duties).</summary>
public sealed class ForbiddenException(string message) : GovernanceException(message)
{
    /// <inheritdoc />
    public override string Title => "Forbidden";
}
