using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Storage;

namespace Steward.Benchmarks.Load;

/// <summary>
/// Builds a real data directory with N ledger entries of about 1 KB (signing key, checkpoints every 100k),
/// to time <c>steward ledger verify --data DIR</c> end to end:
/// <c>dotnet run -c Release --project bench/Steward.Benchmarks -- make-ledger DIR 1000000</c>.
/// </summary>
internal static class LedgerFixture
{
    public static async Task<int> RunAsync(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : throw new ArgumentException("usage: make-ledger DIR [ENTRIES]");
        var total = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        Directory.CreateDirectory(directory);
        await using var db = new SqliteDatabase(SqliteDatabase.FileIn(directory));
        await db.MigrateAsync();
        var checkpoints = new CheckpointService(db, LedgerSigningKey.LoadOrCreate(directory, "bench.example/steward"), TimeProvider.System);
        var factory = new EventFactory(TimeProvider.System);
        var actor = new Actor("bench@example.com", "service");
        var clock = Stopwatch.StartNew();
        await using (var ledger = new LedgerStore(db, new LedgerOptions()))
        {
            for (long done = 0; done < total;)
            {
                var count = (int)Math.Min(50_000, total - done);
                var tasks = new Task<long>[count];
                for (var i = 0; i < count; i++)
                    tasks[i] = ledger.AppendAsync(factory.Create("bench.appended", new Subject("system", $"system-{i % 97}"), actor,
                        new JsonObject { ["seq"] = done + i, ["note"] = new string('n', 760) }));
                await Task.WhenAll(tasks);
                done += count;
                if (done % 100_000 == 0 || done == total) await checkpoints.EnsureLatestAsync();
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} entries in {directory} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }
}
