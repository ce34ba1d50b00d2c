using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Benchmarks.Governance;

/// <summary>Inclusion and consistency proofs served from stored tree levels in SQLite at 1,000,000 entries.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StoredProofBenchmarks
{
    private const long Size = 1_000_000;
    private string _directory = "";
    private SqliteDatabase _db = null!;
    private LedgerReader _reader = null!;
    private readonly Random _random = new(42);

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("steward-bench-proofs-").FullName;
        _db = new SqliteDatabase(SqliteDatabase.FileIn(_directory));
        _db.MigrateAsync().GetAwaiter().GetResult();
        var factory = new EventFactory(TimeProvider.System);
        var actor = new Actor("bench", "service");
        var ledger = new LedgerStore(_db, new LedgerOptions());
        for (long done = 0; done < Size; done += 50_000)
        {
            var tasks = new List<Task<long>>(50_000);
            for (var i = 0; i < 50_000; i++)
                tasks.Add(ledger.AppendAsync(factory.Create("bench.appended", new Subject("system", "s"), actor, new JsonObject { ["i"] = done + i })));
            Task.WhenAll(tasks).GetAwaiter().GetResult();
        }
        ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _reader = new LedgerReader(_db);
    }

    [Benchmark(Description = "inclusion proof from SQLite at 1M")]
    public Task<LedgerProof> Inclusion() => _reader.InclusionProofAsync(_random.NextInt64(Size), Size);

    [Benchmark(Description = "consistency proof from SQLite at 1M")]
    public Task<LedgerProof> Consistency() => _reader.ConsistencyProofAsync(1 + _random.NextInt64(Size - 1), Size);

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
