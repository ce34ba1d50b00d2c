namespace Steward.Governance.RedTeam;

/// <summary>A red-team exercise against one AI system: who tested what, and when.</summary>
/// <param name="Id">UUIDv7 of the creating ledger entry.</param>
/// <param name="SystemId">The system under test.</param>
/// <param name="Name">Short name.</param>
/// <param name="Scope">What was in scope (endpoints, components, attack classes).</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day (not before <paramref name="StartsOn"/>).</param>
/// <param name="Team">The people on the team.</param>
/// <param name="Status">planned, running or completed.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedAt">Last status change.</param>
/// <param name="LedgerIndex">Index of the latest ledger entry about it.</param>
public sealed record Exercise(
    string Id, string SystemId, string Name, string Scope, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Team,
    string Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long LedgerIndex)
{
    /// <summary>Exercise statuses.</summary>
    public static readonly string[] Statuses = ["planned", "running", "completed"];
}

/// <summary>What creating an exercise takes; dates are <c>yyyy-MM-dd</c>.</summary>
public sealed record ExerciseRequest(
    string? SystemId, string? Name, string? Scope, string? StartsOn, string? EndsOn, IReadOnlyList<string>? Team, string? Status);

/// <summary>Moves an exercise to another status.</summary>
public sealed record ExerciseStatusChange(string? Status);
