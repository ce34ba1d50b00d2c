using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Monitors;
using Steward.Governance.Storage;
using Steward.Server.Monitors;

namespace Steward.Server.Tests.Monitors;

/// <summary>The scheduler on a fake clock over a real SQLite store: due monitors run at their cron time, once per window.</summary>
public sealed class MonitorSchedulerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 22, 0, 0, TimeSpan.Zero);
    private static readonly Actor Carol = new("carol@example.com", "person");
    private readonly string _directory = Directory.CreateTempSubdirectory("steward-scheduler-").FullName;
    private readonly FakeTimeProvider _clock = new(Start);
    private SqliteDatabase? _db;
    private LedgerStore? _ledger;

    public async ValueTask DisposeAsync()
    {
        if (_ledger is not null) await _ledger.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task DueMonitors_RunAtTheirScheduledTime_OnceEach()
    {
        _db = new SqliteDatabase(SqliteDatabase.FileIn(_directory));
        await _db.MigrateAsync();
        _ledger = new LedgerStore(_db, new LedgerOptions());
        var events = new EventFactory(_clock);
        var monitors = new MonitorStore(_db, _ledger, events);
        var data = new MonitorDataStore(_db, _ledger, events, monitors);
        var runs = new MonitorRunStore(_db, _ledger, events, monitors);
        var options = new MonitorOptions { SchedulerInterval = TimeSpan.FromMinutes(1) };
        var service = new MonitorService(monitors, data, runs, options);
        using var scheduler = new MonitorScheduler(runs, service, options, _clock, NullLogger<MonitorScheduler>.Instance);

        var request = new MonitorRequest("nightly", null, "credit-api", null, null, null, ["age", "city"], "score", "approved", [], [], [],
            null, 0.3, 30);
        var monitor = await monitors.CreateAsync(Carol, request);
        await service.SetReferenceAsync(Carol, monitor.Id, Encoding.UTF8.GetBytes(MonitorData.Csv(400, 1)), BatchFormat.Csv, default);
        await service.IngestAsync(monitor.Id, Encoding.UTF8.GetBytes(MonitorData.Csv(200, 2, ageShift: 25)), BatchFormat.Csv, default);

        await scheduler.StartAsync(default);
        Assert.Null((await monitors.GetAsync(monitor.Id)).LastRun);
        for (var minute = 0; minute < 120; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Yield();
        }
        // The clock now stands at midnight, the schedule's time: the tick at midnight runs the monitor.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        MonitorRun? run;
        while ((run = (await monitors.GetAsync(monitor.Id)).LastRun) is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotNull(run);
        Assert.Equal(("schedule", "drift", "steward", 1L), (run.Trigger, run.Status, run.RunBy, run.WindowSeq));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), run.RunAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), (await monitors.GetAsync(monitor.Id)).NextRunAt);

        // Nothing is due until the next midnight, however often the scheduler looks.
        Assert.Equal(0, await scheduler.RunDueAsync(default));
        _clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(0, await scheduler.RunDueAsync(default));
        Assert.Single((await runs.ListAsync(monitor.Id, null, 10)).Items);
        await scheduler.StopAsync(default);
    }
}
