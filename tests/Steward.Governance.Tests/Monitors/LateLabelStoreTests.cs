using System.Text;
using Microsoft.Extensions.Time.Testing;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Monitors;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Monitors;

/// <summary>Predictions waiting for late labels and the labels' join, on SQLite and PostgreSQL: storage with the batch, first id wins, the bound, expiry, all-or-nothing.</summary>
public sealed class LateLabelStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Dictionary<string, string> Columns = new() { ["age"] = "num", ["pred"] = "cat", ["label"] = "cat" };

    private static MonitorRequest Request(long max) =>
        new("late", null, "credit-api", null, null, null, ["age"], "pred", "label", [], [], [], null, null, 5,
            IdColumn: "txn", LabelTtl: System.Text.Json.Nodes.JsonValue.Create("PT1H"), MaxPendingLabels: max);

    private static PendingPrediction P(string id) => new(id, "1", 0.7, null);

    private sealed record Stores(MonitorStore Monitors, MonitorDataStore Data, MonitorRunStore Runs, MonitorLabelStore Labels, FakeTimeProvider Clock);

    private static Stores Open(TestDatabase db, LedgerStore ledger)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var events = new EventFactory(clock);
        var monitors = new MonitorStore(db.Database, ledger, events);
        return new Stores(monitors, new MonitorDataStore(db.Database, ledger, events, monitors), new MonitorRunStore(db.Database, ledger, events, monitors),
            new MonitorLabelStore(db.Database, ledger, events), clock);
    }

    private static Task<(MonitorWindow Window, PendingOutcome Pending)> Batch(Stores s, string id, params PendingPrediction[] pending) =>
        s.Data.AppendBatchAsync(id, pending.Length, _ => "p"u8.ToArray(), q => q, pending);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PendingPredictions_FirstIdWins_TheOldestAreDroppedBeyondTheBound_AndExpireAfterTheirTtl(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var s = Open(db, ledger);
        var monitor = await s.Monitors.CreateAsync(Alice, Request(max: 3));
        Assert.Equal(("txn", "PT1H", 3L), (monitor.IdColumn, monitor.LabelTtl, monitor.MaxPendingLabels));
        await s.Data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 100, Columns, "profile");

        Assert.Equal(new PendingOutcome(3, 0, 0, 0, 3), (await Batch(s, monitor.Id, P("a"), P("b"), P("c"))).Pending);
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new PendingOutcome(1, 1, 1, 0, 3), (await Batch(s, monitor.Id, P("c"), P("d"))).Pending); // c known; a, the oldest, dropped
        var found = await s.Labels.FindAsync(monitor.Id, ["a", "b", "d", "x"]);
        Assert.Equal(["a", "b", "d"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("dropped", null), (found["a"].State, found["a"].Prediction));
        Assert.Equal(("pending", "1", 0.7, 1L), (found["d"].State, found["d"].Prediction, found["d"].Score, found["d"].WindowSeq));

        // b and c (received at 10:00) expire at 11:00; d (10:10) at 11:10.
        s.Clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(new PendingOutcome(0, 0, 0, 2, 1), (await Batch(s, monitor.Id)).Pending);
        Assert.Equal(new LabelCounts(1, 0, 2, 1, 0, 0, null), await s.Labels.CountsAsync(monitor.Id));
        // Tombstones stay one more TTL (a late label then reads "expired", not "unknown"), then go.
        Assert.Equal("expired", (await s.Labels.FindAsync(monitor.Id, ["b"]))["b"].State);
        s.Clock.Advance(TimeSpan.FromMinutes(70));
        await Batch(s, monitor.Id);
        Assert.Empty(await s.Labels.FindAsync(monitor.Id, ["a", "b", "c"]));
        Assert.Equal(1, (await s.Labels.CountsAsync(monitor.Id)).Expired - 2); // d expired too
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApplyingLabels_IsAllOrNothing_AndARunSeesLabelsThatLandedMidComputation(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var s = Open(db, ledger);
        var monitor = await s.Monitors.CreateAsync(Alice, Request(max: 100));
        await s.Data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 100, Columns, "profile");
        await Batch(s, monitor.Id, P("a"), P("b"));
        monitor = await s.Monitors.GetAsync(monitor.Id);
        var snapshot = await s.Data.SnapshotAsync(monitor.Id);

        // A plan made on a stale window state writes nothing.
        var stale = new LabelPlan(monitor, s.Clock.GetUtcNow(), ["a"], [new WindowLabelUpdate(1, "open", "other", "Q1", 1, null)], 2, 0);
        await Assert.ThrowsAsync<ConflictException>(() => s.Labels.ApplyAsync(Alice, stale));
        Assert.Equal("pending", (await s.Labels.FindAsync(monitor.Id, ["a"]))["a"].State);
        Assert.Equal(new LabelCounts(2, 0, 0, 0, 0, 0, null), await s.Labels.CountsAsync(monitor.Id));
        // Nor one whose prediction was labelled meanwhile.
        var twice = new LabelPlan(monitor, s.Clock.GetUtcNow(), ["a", "zz"], [new WindowLabelUpdate(1, "open", null, "Q1", 2, null)], 0, 0);
        await Assert.ThrowsAsync<ConflictException>(() => s.Labels.ApplyAsync(Alice, twice));
        Assert.Null((await s.Data.SnapshotAsync(monitor.Id)).WindowQuality);

        var plan = new LabelPlan(monitor, s.Clock.GetUtcNow(), ["a"], [new WindowLabelUpdate(1, "open", null, "Q1", 1, null)], 3, 1);
        Assert.Null(await s.Labels.ApplyAsync(Alice, plan)); // an open window: no ledger entry, its run will count the label
        Assert.Equal("labelled", (await s.Labels.FindAsync(monitor.Id, ["a"]))["a"].State);
        Assert.Equal(new LabelCounts(1, 1, 0, 0, 1, 3, s.Clock.GetUtcNow()), await s.Labels.CountsAsync(monitor.Id));

        // The run computed on the state before the labels: recording it is a conflict (the service computes again).
        var outcome = new RunOutcome("no_drift", "{}"u8.ToArray(), 0, 0, 1, [], false, []);
        await Assert.ThrowsAsync<ConflictException>(() => s.Runs.RecordAsync(Alice, "manual", snapshot, outcome));
        var run = await s.Runs.RecordAsync(Alice, "manual", await s.Data.SnapshotAsync(monitor.Id), outcome);

        // b's label after the run: the run's report gets revision 1, with its ledger entry in the same transaction.
        var report = Encoding.UTF8.GetBytes("{\"labels\":{\"revision\":1}}");
        var revision = new RunRevision(run.Id, 1, report, "abc123", run.ReportSha256, 1, [], false);
        var late = new LabelPlan(monitor, s.Clock.GetUtcNow(), ["b"], [new WindowLabelUpdate(1, "closed", "Q1", "Q2", 1, revision)], 0, 0);
        var index = await s.Labels.ApplyAsync(Alice, late);
        Assert.NotNull(index);
        var latest = await s.Runs.GetAsync(monitor.Id, run.Id);
        Assert.Equal((1, "abc123"), (latest.Revision, latest.ReportSha256));
        Assert.Equal((run.Id, 1), ((await s.Labels.WindowAsync(monitor.Id, 1)).Run!.Id, (await s.Labels.WindowAsync(monitor.Id, 1)).Revision));
        var leaf = Encoding.UTF8.GetString((await new LedgerReader(db.Database).GetAsync(index!.Value)).Leaf);
        Assert.Contains("monitor.labels_applied", leaf, StringComparison.Ordinal);
        Assert.Contains("\"previous_report_sha256\":\"" + run.ReportSha256 + "\"", leaf, StringComparison.Ordinal);
    }
}
