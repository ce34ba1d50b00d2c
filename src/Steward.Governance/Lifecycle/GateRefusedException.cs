using Steward.Governance.Errors;

namespace Steward.Governance.Lifecycle;

/// <summary>A stage change the gate refused; <see cref="Result"/> lists every unmet requirement (HTTP 409).</summary>
public sealed class GateRefusedException(GateResult result)
    : GovernanceException($"the gate to {result.To} refused: " + string.Join("; ", result.Unmet.Select(u => u.Message)))
{
    /// <summary>The gate's answer.</summary>
    public GateResult Result { get; } = result;

    /// <inheritdoc />
    public override string Title => "Gate refused";
}
