using Steward.Governance.Errors;

namespace Steward.Governance.Storage;

/// <summary>Opens the configured store.</summary>
public static class DatabaseFactory
{
    /// <summary>Creates the database for the options (the data directory must exist).</summary>
    public static StewardDatabase Create(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDatabase(SqliteDatabase.FileIn(options.DataDirectory)),
            "postgres" or "postgresql" => string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new ValidationFailedException("connection", "the postgres store needs a connection string")
                : new PostgresDatabase(options.ConnectionString),
            _ => throw new ValidationFailedException("store", $"unknown store '{options.Provider}' (use sqlite or postgres)"),
        };
    }
}
