using Npgsql;

namespace Steward.Server.Tests.Monitors;

/// <summary>The late-label API tests again on PostgreSQL (a fresh schema; skipped without <c>STEWARD_TEST_POSTGRES</c>).</summary>
public sealed class MonitorLabelsPostgresApiTests : MonitorLabelsApiTests
{
    protected override async Task<Dictionary<string, string?>?> SettingsAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString)) Requirements.Unavailable("needs PostgreSQL: set STEWARD_TEST_POSTGRES");
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString(),
        };
    }
}
