using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Benchmarks.Governance;

/// <summary>
/// Sustained ledger appends on SQLite (WAL, synchronous=FULL: an append is acknowledged only once its
/// group's transaction is durable) and, when a server is configured, on PostgreSQL. Each invocation offers <see cref="Burst"/> 1 KB events at once and
/// waits for all acknowledgements; the log keeps growing across iterations. Producers run on all cores
/// (like concurrent requests), so leaf serialization overlaps the sequencer's commits.
/// Target: at least 50,000 entries/s.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
[MemoryDiagnoser]
public class LedgerAppendBenchmarks
{
    public const int Burst = 20_000;
    private string _directory = "";
    private StewardDatabase _db = null!;

    /// <summary>SQLite always; PostgreSQL when STEWARD_TEST_POSTGRES names a server (a fresh schema per run).</summary>
    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";
    private LedgerStore _ledger = null!;
    private GovernanceEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("steward-bench-").FullName;
        _db = Provider == "sqlite" ? new SqliteDatabase(SqliteDatabase.FileIn(_directory)) : FreshPostgres();
        _db.MigrateAsync().GetAwaiter().GetResult();
        _ledger = new LedgerStore(_db, new LedgerOptions());
    }

    [IterationSetup]
    public void NewEvents()
    {
        var factory = new EventFactory(TimeProvider.System);
        var actor = new Actor("bench@example.com", "service");
        // About 1 KB of canonical JSON per leaf; fresh event ids each iteration.
        _events = Enumerable.Range(0, Burst).Select(i => factory.Create("bench.appended", new Subject("system", $"system-{i % 97}"), actor,
            new JsonObject { ["seq"] = i, ["note"] = new string('n', 760) })).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Burst, Description = "append 1 KB entry (group commit, durable)")]
    public async Task Append()
    {
        // Producers on every core, as concurrent HTTP requests would be.
        var tasks = new Task<long>[Burst];
        Parallel.For(0, Burst, i => tasks[i] = _ledger.AppendAsync(_events[i]));
        await Task.WhenAll(tasks);
    }

    private static PostgresDatabase FreshPostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES")!;
        var schema = $"bench_{Guid.NewGuid():N}";
        using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var create = new Npgsql.NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }
        return new PostgresDatabase(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
