using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Benchmarks.Governance;

/// <summary>
/// Sustained ledger appends on SQLite (WAL, synchronous=FULL: an append is acknowledged only once its
/// group's transaction is durable). Each invocation offers <see cref="Burst"/> 1 KB events at once and
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
    private SqliteDatabase _db = null!;
    private LedgerStore _ledger = null!;
    private GovernanceEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("steward-bench-").FullName;
        _db = new SqliteDatabase(SqliteDatabase.FileIn(_directory));
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

    [Benchmark(OperationsPerInvoke = Burst, Description = "append 1 KB entry (SQLite, group commit, durable)")]
    public async Task Append()
    {
        // Producers on every core, as concurrent HTTP requests would be.
        var tasks = new Task<long>[Burst];
        Parallel.For(0, Burst, i => tasks[i] = _ledger.AppendAsync(_events[i]));
        await Task.WhenAll(tasks);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
