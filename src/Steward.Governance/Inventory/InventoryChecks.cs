using System.Data.Common;
using Steward.Governance.Errors;
using Steward.Governance.Storage;

namespace Steward.Governance.Inventory;

/// <summary>Checks on inventory subjects; inside the sequencer's transaction they are race-free.</summary>
internal static class InventoryChecks
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["system"] = "systems", ["model"] = "models", ["dataset"] = "datasets",
    };

    public static async Task EnsureSystemExistsAsync(DbConnection connection, DbTransaction? tx, string? systemId, CancellationToken ct)
    {
        if (systemId is null) return;
        await using var command = connection.Command("SELECT COUNT(*) FROM systems WHERE id = @id", tx).With("@id", systemId);
        if (!await command.ExistsAsync(ct).ConfigureAwait(false))
            throw new ValidationFailedException("system_id", $"system {systemId} does not exist");
    }

    public static async Task<string?> CreatorAsync(DbConnection connection, DbTransaction? tx, string kind, string id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT created_by FROM {Tables[kind]} WHERE id = @id", tx).With("@id", id);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>Names of systems, models and datasets are unique (checked under the sequencer's lock).</summary>
    internal static async Task EnsureNameFreeAsync(DbConnection connection, DbTransaction tx, string table, string name, CancellationToken ct)
    {
        await using var exists = connection.Command($"SELECT COUNT(*) FROM {table} WHERE name = @name", tx).With("@name", name);
        if (await exists.ExistsAsync(ct).ConfigureAwait(false))
            throw new ConflictException($"a {table[..^1]} named '{name}' already exists");
    }
}
