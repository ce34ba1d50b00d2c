using System.Data.Common;
using System.Globalization;
using Steward.Governance.Errors;
using Steward.Governance.Storage;

namespace Steward.Governance.Inventory;

/// <summary>Existence checks run inside the sequencer's transaction (race-free).</summary>
internal static class InventoryChecks
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["system"] = "systems", ["model"] = "models", ["dataset"] = "datasets", ["decision"] = "decisions",
    };

    public static IReadOnlyCollection<string> SubjectKinds { get; } = ["system", "model", "dataset"];

    public static Task EnsureSystemExistsAsync(DbConnection connection, DbTransaction? tx, string? systemId, CancellationToken ct) =>
        systemId is null ? Task.CompletedTask : EnsureExistsAsync(connection, tx, "system", systemId, ct, field: "system_id");

    public static async Task EnsureExistsAsync(DbConnection connection, DbTransaction? tx, string kind, string id, CancellationToken ct, string field = "subject")
    {
        await using var command = connection.Command($"SELECT COUNT(*) FROM {Tables[kind]} WHERE id = @id", tx).With("@id", id);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            throw new ValidationFailedException(field, $"{kind} {id} does not exist");
    }

    public static async Task<string?> CreatorAsync(DbConnection connection, DbTransaction? tx, string kind, string id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT created_by FROM {Tables[kind]} WHERE id = @id", tx).With("@id", id);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }
}
