namespace Steward.Client;

/// <summary>Creates a red-team exercise: <c>POST /api/v1/redteam/exercises</c>.</summary>
public sealed record CreateExerciseRequest
{
    /// <summary>The system under test; it must exist.</summary>
    public required string SystemId { get; init; }

    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>What is in scope.</summary>
    public required string Scope { get; init; }

    /// <summary>First day, <c>yyyy-MM-dd</c>.</summary>
    public required string StartsOn { get; init; }

    /// <summary>Last day, <c>yyyy-MM-dd</c>, not before <see cref="StartsOn"/>.</summary>
    public required string EndsOn { get; init; }

    /// <summary>The people on the team (at least one).</summary>
    public required IReadOnlyList<string> Team { get; init; }

    /// <summary>planned (the server's default), running or completed.</summary>
    public string? Status { get; init; }
}
