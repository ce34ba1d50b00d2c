using Steward.Governance.Errors;
using Steward.Policy;

namespace Steward.Governance.Policies;

/// <summary>A module does not parse or does not compile together with the stored ones; nothing was written.</summary>
public sealed class PolicyCompileFailedException(IReadOnlyList<RegoError> errors)
    : GovernanceException($"{errors.Count} error(s) occurred while compiling module(s): " + string.Join("; ", errors))
{
    /// <summary>Every error, with its module, line and column.</summary>
    public IReadOnlyList<RegoError> Errors { get; } = errors;

    /// <inheritdoc />
    public override string Title => "Policy does not compile";
}
