namespace Steward.Governance.Storage;

/// <summary>Where Steward keeps its state.</summary>
public sealed class StoreOptions
{
    /// <summary><c>sqlite</c> (default, embedded in <see cref="DataDirectory"/>) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string (for <c>postgres</c>); for SQLite, optional override of the file connection.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Data directory: SQLite database, ledger signing key, bootstrap key.</summary>
    public string DataDirectory { get; set; } = "./steward-data";
}
