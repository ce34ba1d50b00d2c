namespace Steward.Governance.Inventory;

/// <summary>An AI system under governance.</summary>
public sealed record AiSystem(
    string Id, string Name, string Purpose, string Owner, string BusinessUnit, string RiskTier, string Status,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, long LedgerIndex, string Stage = Lifecycle.Stages.Intake)
{
    /// <summary>EU AI Act risk tiers.</summary>
    public static readonly string[] RiskTiers = ["unacceptable", "high", "limited", "minimal"];

    /// <summary>Inventory statuses.</summary>
    public static readonly string[] Statuses = ["proposed", "active", "suspended", "retired"];
}

/// <summary>What registering a system takes.</summary>
public sealed record SystemRegistration(string? Name, string? Purpose, string? Owner, string? BusinessUnit, string? RiskTier, string? Status);

/// <summary>A partial update of a system; null fields are unchanged.</summary>
public sealed record SystemUpdate(string? Purpose, string? Owner, string? BusinessUnit, string? RiskTier, string? Status);
