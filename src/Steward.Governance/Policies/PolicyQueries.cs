using System.Data.Common;
using Steward.Governance.Events;
using Steward.Governance.Storage;

namespace Steward.Governance.Policies;

/// <summary>The SQL shared by the policy stores.</summary>
internal static class PolicyQueries
{
    public const string ModuleColumns = "id, version, raw, sha256, package, deleted, actor_id, created_at, ledger_index";
    public const string DataColumns = "path, version, body, sha256, deleted, actor_id, created_at, ledger_index";

    /// <summary>The latest version of each module that is not deleted, by id.</summary>
    public static async Task<List<PolicyModule>> CurrentModulesAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.Command(
            $"SELECT {ModuleColumns} FROM policy_modules m WHERE deleted = 0 AND version = (SELECT MAX(version) FROM policy_modules x WHERE x.id = m.id) ORDER BY id", tx);
        return await ReadAllAsync(command, ReadModule, ct).ConfigureAwait(false);
    }

    /// <summary>The latest version of each data path (deletions included), in ledger order.</summary>
    public static async Task<List<PolicyDataDocument>> LatestDataAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.Command(
            $"SELECT {DataColumns} FROM policy_data d WHERE version = (SELECT MAX(version) FROM policy_data x WHERE x.path = d.path) ORDER BY ledger_index", tx);
        return await ReadAllAsync(command, ReadData, ct).ConfigureAwait(false);
    }

    /// <summary>The highest version stored for a key (0 when none).</summary>
    public static async Task<long> MaxVersionAsync(DbConnection connection, DbTransaction? tx, string table, string keyColumn, string key, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT MAX(version) FROM {table} WHERE {keyColumn} = @key", tx).With("@key", key);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The ledger index of the latest policy change (modules or data), or -1 when there was none.</summary>
    public static async Task<long> RevisionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.Command(
            "SELECT (SELECT MAX(ledger_index) FROM policy_modules), (SELECT MAX(ledger_index) FROM policy_data)", tx);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var a = reader.IsDBNull(0) ? -1 : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        var b = reader.IsDBNull(1) ? -1 : Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return Math.Max(a, b);
    }

    public static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) items.Add(read(reader));
        return items;
    }

    public static PolicyModule ReadModule(DbDataReader r) => new(
        r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.StringOrNull(2), r.GetString(3), r.GetString(4),
        Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0, r.GetString(6), Timestamps.Parse(r.GetString(7)), r.GetInt64(8));

    public static PolicyDataDocument ReadData(DbDataReader r) => new(
        r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.StringOrNull(2), r.GetString(3),
        Convert.ToInt64(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture) != 0, r.GetString(5), Timestamps.Parse(r.GetString(6)), r.GetInt64(7));
}
