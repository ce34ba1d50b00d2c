using Microsoft.Extensions.Time.Testing;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Monitors;
using Steward.Governance.Storage;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Monitors;

/// <summary>A monitor's performance and fairness settings and its windows' quality state, on SQLite and PostgreSQL.</summary>
public sealed class MonitorQualityStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Dictionary<string, string> Columns = new() { ["age"] = "num", ["pred"] = "cat", ["label"] = "cat", ["prob"] = "num", ["group"] = "cat" };

    private static MonitorRequest Request(string name = "credit") =>
        new(name, null, "credit-api", null, null, null, ["age"], "pred", "label", ["group"], [], [], null, null, 5,
            PredictionScore: "prob", PositiveClass: "yes", Privileged: new Dictionary<string, string> { ["group"] = "a" });

    private static RunOutcome Quiet() => new("no_drift", "{}"u8.ToArray(), 0, 0, 1, [], false, []);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task QualityState_FoldsWithTheWindow_AndStartsOverInTheNext(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var events = new EventFactory(new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)));
        var monitors = new MonitorStore(db.Database, ledger, events);
        var data = new MonitorDataStore(db.Database, ledger, events, monitors);
        var runs = new MonitorRunStore(db.Database, ledger, events, monitors);

        var monitor = await monitors.CreateAsync(Alice, Request());
        Assert.Equal(("prob", (string?)null, "yes", "a"), (monitor.PredictionScore, monitor.Task, monitor.PositiveClass, monitor.Privileged!["group"]));
        Assert.True(monitor.Spec().MeasuresQuality);
        Assert.Contains("prob", monitor.Spec().RoleColumns());
        await data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 100, Columns, "profile");

        await data.AppendBatchAsync(monitor.Id, 10, _ => "p1"u8.ToArray(), q => (q ?? "") + "A");
        await data.AppendBatchAsync(monitor.Id, 10, _ => "p2"u8.ToArray(), null);
        await data.AppendBatchAsync(monitor.Id, 10, _ => "p3"u8.ToArray(), q => q + "B");
        var snapshot = await data.SnapshotAsync(monitor.Id);
        Assert.Equal(("AB", 3L), (snapshot.WindowQuality, snapshot.Window.Batches));

        await runs.RecordAsync(Alice, "manual", snapshot, Quiet());
        Assert.Null((await data.SnapshotAsync(monitor.Id)).WindowQuality);
        await data.AppendBatchAsync(monitor.Id, 10, _ => "p4"u8.ToArray(), q => q is null ? "fresh" : "stale");
        Assert.Equal("fresh", (await data.SnapshotAsync(monitor.Id)).WindowQuality);

        // A crossed performance threshold alone raises drift.detected, with its reason.
        var breach = await runs.RecordAsync(Alice, "manual", await data.SnapshotAsync(monitor.Id), Quiet() with { Status = "drift", PerformanceBreaches = ["accuracy 0.5 < 0.8"] });
        var leaf = System.Text.Encoding.UTF8.GetString((await new LedgerReader(db.Database).GetAsync(breach.LedgerIndex!.Value)).Leaf);
        Assert.Contains("\"performance_breaches\":[\"accuracy 0.5 < 0.8\"]", leaf, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ADatabaseWithoutTheQualityColumn_GetsItOnMigration(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using (var connection = await db.Database.OpenAsync())
        await using (var drop = connection.Command("ALTER TABLE drift_windows DROP COLUMN quality"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await db.Database.MigrateAsync();
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var events = new EventFactory(TimeProvider.System);
        var monitors = new MonitorStore(db.Database, ledger, events);
        var data = new MonitorDataStore(db.Database, ledger, events, monitors);
        var monitor = await monitors.CreateAsync(Alice, Request("migrated"));
        await data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 100, Columns, "profile");
        await data.AppendBatchAsync(monitor.Id, 1, _ => "p"u8.ToArray(), _ => "state");
        Assert.Equal("state", (await data.SnapshotAsync(monitor.Id)).WindowQuality);
    }

    [Fact]
    public void QualitySettings_AreValidated()
    {
        var bad = new MonitorRequest("x", null, "e", null, null, null, [], "pred", null, ["group"], [], [], null, null, null,
            PredictionScore: "prob", Task: "ranking", PositiveClass: "yes", Privileged: new Dictionary<string, string> { ["other"] = "a" });
        var check = new Check();
        MonitorSpec.Parse(bad, check);
        var e = Assert.Throws<ValidationFailedException>(check.ThrowIfFailed);
        Assert.Equal(["positive_class", "prediction_score", "privileged.other", "task"], e.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
