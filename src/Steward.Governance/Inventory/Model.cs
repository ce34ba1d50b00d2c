namespace Steward.Governance.Inventory;

/// <summary>A model (optionally part of a system).</summary>
public sealed record Model(
    string Id, string Name, string? SystemId, string Owner, string Description, string? Framework, string? Uri,
    DateTimeOffset CreatedAt, string CreatedBy, long LedgerIndex);

/// <summary>What registering a model takes.</summary>
public sealed record ModelRegistration(string? Name, string? SystemId, string? Owner, string? Description, string? Framework, string? Uri);

/// <summary>A dataset (optionally used by a system), identified by content digest where known.</summary>
public sealed record Dataset(
    string Id, string Name, string? SystemId, string Owner, string Description, string? Uri, string? Sha256,
    DateTimeOffset CreatedAt, string CreatedBy, long LedgerIndex);

/// <summary>What registering a dataset takes.</summary>
public sealed record DatasetRegistration(string? Name, string? SystemId, string? Owner, string? Description, string? Uri, string? Sha256);
