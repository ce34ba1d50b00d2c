using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Monitors;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Monitors;

/// <summary>Monitors, their windows and runs with their ledger entries, on SQLite and PostgreSQL.</summary>
public sealed class MonitorStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private sealed class Stores(TestDatabase db) : IAsyncDisposable
    {
        public FakeTimeProvider Clock { get; } = new(Start);
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events => new(Clock);
        public ModelStore Models => new(db.Database, Ledger, Events);
        public MonitorStore Monitors => new(db.Database, Ledger, Events);
        public MonitorDataStore Data => new(db.Database, Ledger, Events, Monitors);
        public MonitorRunStore Runs => new(db.Database, Ledger, Events, Monitors);
        public LedgerReader Reader => new(db.Database);
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static MonitorRequest Request(string name = "credit", string? modelId = null, string? endpoint = "credit-api") =>
        new(name, modelId, endpoint, "watches credit", JsonValue.Create("P1D"), "0 0 * * *", ["age", "income"], "score", null, [], [], [],
            new Dictionary<string, MonitorColumnRule> { ["income"] = new("psi", 0.2, Critical: true) }, 0.5, 10);

    private static readonly Dictionary<string, string> Columns = new() { ["age"] = "num", ["income"] = "num", ["score"] = "num" };

    private static RunOutcome Outcome(bool drift, params string[] critical) => new(drift || critical.Length > 0 ? "drift" : "no_drift",
        Encoding.UTF8.GetBytes("{\"dataset_drift\":" + (drift ? "true" : "false") + "}"), drift ? 0.67 : 0.0, drift ? 2 : 0, 3,
        drift ? ["income", "age"] : [], drift, critical);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateUpdateDelete_EachCommitWithTheirLedgerEntry(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var model = await s.Models.RegisterAsync(Alice, new ModelRegistration("credit-model", null, "o", null, null, null));
        var created = await s.Monitors.CreateAsync(Alice, Request(modelId: model.Id));
        Assert.Equal(("no_reference", "P1D", 86_400L, model.Id), (created.Status, created.Window, created.WindowSeconds, created.ModelId));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), created.NextRunAt);
        Assert.Equal((1L, "open", 0L), (created.CurrentWindow.Seq, created.CurrentWindow.Status, created.CurrentWindow.Rows));
        Assert.True(created.Columns["income"].Critical);
        var leaf = Encoding.UTF8.GetString((await s.Reader.GetAsync(created.LedgerIndex)).Leaf);
        Assert.Contains("monitor.created", leaf, StringComparison.Ordinal);
        Assert.Contains(Alice.Id, leaf, StringComparison.Ordinal);

        var updated = await s.Monitors.UpdateAsync(Alice, created.Id, Request("credit-2", endpoint: null, modelId: model.Id) with { Schedule = "30 6 * * 1" });
        Assert.Equal(("credit-2", "30 6 * * 1", (string?)null), (updated.Name, updated.Schedule, updated.Endpoint));
        Assert.True(updated.LedgerIndex > created.LedgerIndex);
        Assert.Contains("monitor.updated", Encoding.UTF8.GetString((await s.Reader.GetAsync(updated.LedgerIndex)).Leaf), StringComparison.Ordinal);

        await s.Monitors.DeleteAsync(Alice, created.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => s.Monitors.GetAsync(created.Id));
        Assert.Contains("monitor.deleted", Encoding.UTF8.GetString((await s.Reader.GetAsync(updated.LedgerIndex + 1)).Leaf), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadDefinitions_AreRefusedPerField(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var bad = new MonitorRequest("", null, null, null, JsonValue.Create("P1M"), "0 0 * *", ["a", "a"], "a", "a", [], ["x"], ["x"],
            new Dictionary<string, MonitorColumnRule> { ["a"] = new("nope", -1) }, 1.5, 0);
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Monitors.CreateAsync(Alice, bad));
        foreach (var field in new[] { "name", "model_id", "window", "schedule", "features", "label", "numerical", "columns.a.stattest", "columns.a.threshold", "drift_share", "min_rows" })
            Assert.True(e.Errors.ContainsKey(field), field);
        var unknownModel = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Monitors.CreateAsync(Alice, Request(modelId: "no-such-model")));
        Assert.Contains("model_id", unknownModel.Errors.Keys);
        await s.Monitors.CreateAsync(Alice, Request());
        await Assert.ThrowsAsync<ConflictException>(() => s.Monitors.CreateAsync(Alice, Request()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Batches_FoldIntoTheOpenWindow_AndADriftRunRecordsDriftDetectedOnce(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var monitor = await s.Monitors.CreateAsync(Alice, Request());
        await Assert.ThrowsAsync<ConflictException>(() => s.Data.ReferenceAsync(monitor.Id));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            s.Data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 10, new Dictionary<string, string> { ["age"] = "num" }, "profile"));
        Assert.Contains("'income'", missing.Errors["reference"][0], StringComparison.Ordinal);
        monitor = await s.Data.SetReferenceAsync(Alice, monitor.Id, "{\"ref\":1}"u8.ToArray(), 1000, Columns, "csv");
        Assert.Equal(("pending", 1000L), (monitor.Status, monitor.Reference!.Rows));

        // The fold sees the stored profile and its result is stored: concatenation stands in for a profile merge.
        var tasks = Enumerable.Range(0, 8).Select(i => s.Data.AppendBatchAsync(monitor.Id, 5, p => Encoding.UTF8.GetBytes((p is null ? "" : Encoding.UTF8.GetString(p)) + i)));
        await Task.WhenAll(tasks);
        var snapshot = await s.Data.SnapshotAsync(monitor.Id);
        Assert.Equal((40L, 8L), (snapshot.Window.Rows, snapshot.Window.Batches));
        Assert.Equal("01234567", string.Concat(Encoding.UTF8.GetString(snapshot.WindowProfile!).Order()));

        var size = (await s.Reader.HeadAsync()).Size;
        s.Clock.Advance(TimeSpan.FromHours(1));
        var run = await s.Runs.RecordAsync(Alice, "manual", snapshot, Outcome(drift: true));
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size);
        var leaf = Encoding.UTF8.GetString((await s.Reader.GetAsync(run.LedgerIndex!.Value)).Leaf);
        foreach (var part in new[] { "drift.detected", monitor.Id, "credit-api", run.ReportSha256, "income", "0.67", "\"window_seq\":1" })
            Assert.Contains(part, leaf, StringComparison.Ordinal);
        Assert.Equal("{\"dataset_drift\":true}", run.Report!.ToJsonString());

        // The same window cannot be run twice; the next window is open and empty.
        await Assert.ThrowsAsync<ConflictException>(() => s.Runs.RecordAsync(Alice, "manual", snapshot, Outcome(drift: true)));
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size);
        var after = await s.Monitors.GetAsync(monitor.Id);
        Assert.Equal(("drift", 2L, 0L), (after.Status, after.CurrentWindow.Seq, after.CurrentWindow.Batches));
        Assert.Equal(run.Id, after.LastRun!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task QuietRuns_WriteNoLedgerEntry_CriticalColumnsDo_AndAChangedWindowIsAConflict(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var monitor = await s.Monitors.CreateAsync(Alice, Request());
        await s.Data.SetReferenceAsync(Alice, monitor.Id, "{}"u8.ToArray(), 1000, Columns, "profile");
        await s.Data.AppendBatchAsync(monitor.Id, 50, _ => "a"u8.ToArray());
        var stale = await s.Data.SnapshotAsync(monitor.Id);
        await s.Data.AppendBatchAsync(monitor.Id, 50, _ => "b"u8.ToArray());
        await Assert.ThrowsAsync<ConflictException>(() => s.Runs.RecordAsync(Alice, "manual", stale, Outcome(drift: false)));

        var size = (await s.Reader.HeadAsync()).Size;
        var quiet = await s.Runs.RecordAsync(Actor.System, "schedule", await s.Data.SnapshotAsync(monitor.Id), Outcome(drift: false));
        Assert.Equal((size, (long?)null, 100L), ((await s.Reader.HeadAsync()).Size, quiet.LedgerIndex, quiet.Rows));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), (await s.Monitors.GetAsync(monitor.Id)).NextRunAt);

        var critical = await s.Runs.RecordAsync(Alice, "manual", await s.Data.SnapshotAsync(monitor.Id), Outcome(false, "income"));
        Assert.NotNull(critical.LedgerIndex);
        Assert.Contains("\"critical_columns\":[\"income\"]", Encoding.UTF8.GetString((await s.Reader.GetAsync(critical.LedgerIndex!.Value)).Leaf), StringComparison.Ordinal);

        var page = await s.Runs.ListAsync(monitor.Id, null, 1);
        Assert.Equal(critical.Id, Assert.Single(page.Items).Id);
        var rest = await s.Runs.ListAsync(monitor.Id, page.NextCursor, 10);
        Assert.Equal(quiet.Id, Assert.Single(rest.Items).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Due_FollowsTheScheduleAndTheWindowLength_AndSkipsMonitorsWithoutReference(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var daily = await s.Monitors.CreateAsync(Alice, Request("daily"));
        var hourly = await s.Monitors.CreateAsync(Alice, Request("short-window") with { Window = JsonValue.Create(3600) });
        var bare = await s.Monitors.CreateAsync(Alice, Request("no-reference"));
        await s.Data.SetReferenceAsync(Alice, daily.Id, "{}"u8.ToArray(), 1, Columns, "profile");
        await s.Data.SetReferenceAsync(Alice, hourly.Id, "{}"u8.ToArray(), 1, Columns, "profile");

        Assert.Empty(await s.Runs.DueAsync(Start.AddMinutes(59)));
        Assert.Equal([hourly.Id], await s.Runs.DueAsync(Start.AddHours(1)));
        var midnight = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new[] { daily.Id, hourly.Id }.Order(StringComparer.Ordinal), (await s.Runs.DueAsync(midnight)).Order(StringComparer.Ordinal));
        Assert.Equal(midnight.AddDays(1), (await s.Monitors.GetAsync(bare.Id)).NextRunAt);
    }
}
