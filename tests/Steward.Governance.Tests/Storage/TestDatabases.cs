using Npgsql;
using Steward.Governance.Storage;

namespace Steward.Governance.Tests.Storage;

/// <summary>
/// Creates empty databases for the storage suite: a SQLite file in a temp directory, or a fresh schema in
/// the PostgreSQL server named by STEWARD_TEST_POSTGRES (which .ci/run starts). Without that variable the
/// PostgreSQL cases skip with the reason; with it set, an unreachable server fails the test.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "STEWARD_TEST_POSTGRES";

    public static IEnumerable<TheoryDataRow<string>> Providers() => [new("sqlite"), new("postgres")];

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var directory = Directory.CreateTempSubdirectory("steward-test-").FullName;
        if (provider == "sqlite")
        {
            var sqlite = new SqliteDatabase(SqliteDatabase.FileIn(directory));
            await sqlite.MigrateAsync();
            return new TestDatabase(sqlite, directory, SqliteDatabase.FileIn(directory));
        }
        var connectionString = PostgresConnectionString();
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        var postgres = new PostgresDatabase(scoped);
        await postgres.MigrateAsync();
        return new TestDatabase(postgres, directory, scoped);
    }

    public static string PostgresConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
            Requirements.Unavailable($"PostgreSQL tests need a server: set {PostgresVariable} to a connection string (.ci/run does)");
        return value;
    }
}

/// <summary>An empty, migrated database and a data directory for it.</summary>
public sealed record TestDatabase(StewardDatabase Database, string DataDirectory, string ConnectionString) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
