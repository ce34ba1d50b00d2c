using System.Data.Common;
using Steward.Governance.Events;

namespace Steward.Governance.Decisions;

/// <summary>
/// A condition a decision must meet before it is recorded (for example, with <c>require_clean_pii_scan</c>, a
/// dataset approval needs a clean PII scan). A refusal is recorded as <c>decision.refused</c> and answered 403,
/// as separation-of-duties refusals are. Registered in DI; checked in registration order.
/// </summary>
public interface IDecisionPrecondition
{
    /// <summary>Why <paramref name="request"/> must be refused, or null when it may be recorded.</summary>
    Task<string?> RefusalAsync(DbConnection connection, Actor actor, DecisionRequest request, CancellationToken cancellationToken);
}
