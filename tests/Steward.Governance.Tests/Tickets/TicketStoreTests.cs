using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Tests.Storage;
using Steward.Governance.Tickets;

namespace Steward.Governance.Tests.Tickets;

/// <summary>The built-in tracker and intake automation on SQLite and PostgreSQL.</summary>
public sealed class TicketStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");

    internal sealed class Stores(TestDatabase db, params string[] targets) : IAsyncDisposable
    {
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events { get; } = new(TimeProvider.System);
        public TicketMirrorTargets Mirror { get; } = new(targets);
        public IntakeTicketHook Hook => new(Mirror, TimeProvider.System);
        public SystemStore Systems => new(db.Database, Ledger, Events, [Hook]);
        public TicketStore Tickets => new(db.Database, Ledger, Events, Mirror);
        public TicketSyncStore Sync => new(db.Database, Ledger, Events, Mirror);
        public TicketOutboxStore Outbox => new(db.Database);
        public LedgerReader Reader => new(db.Database);

        /// <summary>A stand-in for the assessment store: appends the approval entry and runs the hook inside it.</summary>
        public Task<long> ApproveAsync(string systemId, string assessmentId, string outcome, bool failAfterHook = false) =>
            Ledger.AppendAsync(Events.Create("assessment.approved", new Subject("assessment", assessmentId), Bob, new JsonObject { ["outcome"] = outcome }),
                async (connection, tx, idx, ct) =>
                {
                    await Hook.OnApprovedAsync(connection, tx, systemId, assessmentId, outcome, idx, ct);
                    if (failAfterHook) throw new ConflictException("the approval failed after the hook");
                });

        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static SystemRegistration Sys(string name) => new(name, "credit", "risk@example.com", "retail", "high", null);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Registration_OpensBlockingIntakeTicket_InItsTransaction(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db, TicketMirrorTargets.Jira, TicketMirrorTargets.ServiceNow);
        var system = await s.Systems.RegisterAsync(Alice, Sys("scoring"));

        var ticket = Assert.Single((await s.Tickets.ListAsync(system.Id, null, null, 10)).Items);
        Assert.Equal(("STW-1", Ticket.RiskAssessmentKind, Ticket.Open, true), (ticket.Key, ticket.Kind, ticket.Status, ticket.Blocking));
        Assert.Equal("AI Risk Assessment: scoring", ticket.Title);
        Assert.Equal(system.LedgerIndex, ticket.LedgerIndex);
        var opened = Assert.Single(await s.Tickets.HistoryAsync("STW-1"));
        Assert.Equal(("opened", system.LedgerIndex, Alice.Id), (opened.Action, opened.LedgerIndex, opened.ActorId));
        Assert.Equal(["create", "create"], (await s.Outbox.OfTicketAsync(ticket.Id)).Select(o => o.Operation));

        // A registration that fails (duplicate name) leaves no ticket behind.
        await Assert.ThrowsAsync<ConflictException>(() => s.Systems.RegisterAsync(Alice, Sys("scoring")));
        Assert.Single((await s.Tickets.ListAsync(null, null, null, 10)).Items);

        await using var connection = await db.Database.OpenAsync();
        var facts = (JsonArray)await new TicketGateFacts().CollectAsync(connection, null, system.Id, CancellationToken.None);
        var fact = Assert.Single(facts)!.AsObject();
        Assert.Equal("STW-1", fact["key"]!.GetValue<string>());
        Assert.True(fact["blocking"]!.GetValue<bool>());
        Assert.Equal("open", fact["status"]!.GetValue<string>());
        Assert.Null(fact["external"]!["jira_key"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApprovedAssessment_ClosesIntakeTicketOnlyWhenPassed(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db, TicketMirrorTargets.Jira);
        var system = await s.Systems.RegisterAsync(Alice, Sys("scoring"));

        await s.ApproveAsync(system.Id, "a-1", "needs_mitigation");
        var stillOpen = await s.Tickets.GetAsync("STW-1");
        Assert.Equal(Ticket.Open, stillOpen.Status);
        var note = (await s.Tickets.HistoryAsync("STW-1"))[^1];
        Assert.Equal("note", note.Action);
        Assert.Contains("needs_mitigation", note.Note, StringComparison.Ordinal);

        // An approval that fails after the hook ran undoes the hook's writes too.
        await Assert.ThrowsAsync<ConflictException>(() => s.ApproveAsync(system.Id, "a-2", "passed", failAfterHook: true));
        Assert.Equal(Ticket.Open, (await s.Tickets.GetAsync("STW-1")).Status);

        var index = await s.ApproveAsync(system.Id, "a-3", "passed");
        var closed = await s.Tickets.GetAsync("STW-1");
        Assert.Equal((Ticket.Done, index), (closed.Status, closed.LedgerIndex));
        Assert.Contains("a-3", closed.Resolution, StringComparison.Ordinal);
        Assert.Equal(["create", "status"], (await s.Outbox.OfTicketAsync(closed.Id)).Select(o => o.Operation));
        await using var connection = await db.Database.OpenAsync();
        var facts = (JsonArray)await new TicketGateFacts().CollectAsync(connection, null, system.Id, CancellationToken.None);
        Assert.Equal("done", facts[0]!["status"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ManualTickets_StatusChangesAreLedgerEntries_AndIntakeClosureNeedsAdmin(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, Sys("scoring"));
        var manual = await s.Tickets.OpenAsync(Bob, new TicketRequest(system.Id, "Document the fallback", "runbook", "documentation", null, "ops@example.com"));
        Assert.Equal(("STW-2", false, "documentation"), (manual.Key, manual.Blocking, manual.Kind));
        await s.Systems.RegisterAsync(Alice, Sys("other"));
        Assert.Equal("STW-4", (await s.Tickets.OpenAsync(Bob, new TicketRequest(system.Id, "Second", null, null, true, null))).Key);

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Tickets.OpenAsync(Bob, new TicketRequest("nope", "", null, "Bad Kind", null, null)));
        Assert.Equal(["kind", "title"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Tickets.OpenAsync(Bob, new TicketRequest("nope", "t", null, null, null, null)));

        var before = (await s.Reader.HeadAsync()).Size;
        await s.Tickets.ChangeStatusAsync(Bob, false, manual.Id, new TicketStatusChange("in_progress", null));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Tickets.ChangeStatusAsync(Bob, false, manual.Key, new TicketStatusChange("done", null)));
        var done = await s.Tickets.ChangeStatusAsync(Bob, false, manual.Key, new TicketStatusChange("done", "written"));
        Assert.Equal(("done", "written"), (done.Status, done.Resolution));
        await Assert.ThrowsAsync<ConflictException>(() => s.Tickets.ChangeStatusAsync(Bob, false, manual.Key, new TicketStatusChange("done", "again")));
        Assert.Equal(before + 2, (await s.Reader.HeadAsync()).Size);
        Assert.Single((await s.Reader.ListAsync(new LedgerEntryFilter(Type: "ticket.closed"), null, 10)).Items);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => s.Tickets.ChangeStatusAsync(Bob, false, "STW-1", new TicketStatusChange("done", "looks fine")));
        Assert.Contains("approved assessment", refused.Message, StringComparison.Ordinal);
        await s.Tickets.ChangeStatusAsync(Bob, false, "STW-1", new TicketStatusChange("in_progress", "started"));
        var overridden = await s.Tickets.ChangeStatusAsync(Alice, true, "STW-1", new TicketStatusChange("cancelled", "system withdrawn"));
        Assert.Equal(Ticket.Cancelled, overridden.Status);
        var leaves = (await s.Reader.ListAsync(new LedgerEntryFilter(Type: "ticket.closed"), null, 10)).Items.Select(e => System.Text.Encoding.UTF8.GetString(e.Leaf));
        Assert.Single(leaves, l => l.Contains("\"override\":true", StringComparison.Ordinal) && l.Contains(Alice.Id, StringComparison.Ordinal));
        Assert.Contains("admin override", (await s.Tickets.HistoryAsync("STW-1"))[^1].Note, StringComparison.Ordinal);

        Assert.Equal(2, (await s.Tickets.ListAsync(system.Id, "open", null, 10)).Items.Count + (await s.Tickets.ListAsync(system.Id, "done", null, 10)).Items.Count);
        var first = await s.Tickets.ListAsync(null, null, null, 2);
        var second = await s.Tickets.ListAsync(null, null, first.NextCursor, 2);
        Assert.Equal(["STW-1", "STW-2", "STW-3", "STW-4"], first.Items.Concat(second.Items).Select(t => t.Key));
        Assert.Null(second.NextCursor);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Tickets.ListAsync(null, "closed", null, 10));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Tickets.GetAsync("STW-99"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task JiraStatus_IsAppliedOnce_AndNeverClosesTheIntakeTicket(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db, TicketMirrorTargets.Jira, TicketMirrorTargets.ServiceNow);
        var system = await s.Systems.RegisterAsync(Alice, Sys("scoring"));
        var manual = await s.Tickets.OpenAsync(Bob, new TicketRequest(system.Id, "Fix bias", null, null, null, null));
        foreach (var (key, jira) in new[] { ("STW-1", "GOV-1"), ("STW-2", "GOV-2") })
        {
            var ticket = await s.Tickets.GetAsync(key);
            var create = (await s.Outbox.OfTicketAsync(ticket.Id)).First(o => o.Target == "jira");
            await s.Sync.RecordMirroredAsync(create, jira, null, []);
        }
        Assert.Equal("GOV-2", (await s.Tickets.GetAsync(manual.Id)).External.JiraKey);

        var size = (await s.Reader.HeadAsync()).Size;
        var moved = await s.Sync.ApplyJiraStatusAsync("GOV-2", "In Progress", "indeterminate");
        Assert.Equal(Ticket.InProgress, moved!.Status);
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size);
        await s.Sync.ApplyJiraStatusAsync("GOV-2", "In Progress", "indeterminate");
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size); // the same status again writes nothing
        var done = await s.Sync.ApplyJiraStatusAsync("GOV-2", "Done", "done");
        Assert.Equal(Ticket.Done, done!.Status);
        Assert.Contains("servicenow", (await s.Outbox.OfTicketAsync(manual.Id)).Where(o => o.Operation == "status").Select(o => o.Target));
        Assert.DoesNotContain("jira", (await s.Outbox.OfTicketAsync(manual.Id)).Where(o => o.Operation == "status").Select(o => o.Target));

        var intake = await s.Sync.ApplyJiraStatusAsync("GOV-1", "Done", "done");
        Assert.Equal((Ticket.Open, "Done"), (intake!.Status, intake.External.JiraStatus));
        Assert.Contains("approved assessment", (await s.Tickets.HistoryAsync("STW-1"))[^1].Note, StringComparison.Ordinal);
        Assert.Null(await s.Sync.ApplyJiraStatusAsync("GOV-404", "Done", "done"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TrackerConfiguredLater_GetsTheCreateBeforeTheStatusChange(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using (var before = new Stores(db))
            await before.Systems.RegisterAsync(Alice, Sys("scoring"));
        await using var s = new Stores(db, TicketMirrorTargets.Jira);
        var ticket = await s.Tickets.ChangeStatusAsync(Bob, false, "STW-1", new TicketStatusChange("in_progress", null));
        Assert.Equal(["create", "status"], (await s.Outbox.OfTicketAsync(ticket.Id)).Select(o => o.Operation));
        await s.Tickets.ChangeStatusAsync(Bob, false, "STW-1", new TicketStatusChange("open", null));
        Assert.Equal(["create", "status", "status"], (await s.Outbox.OfTicketAsync(ticket.Id)).Select(o => o.Operation));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Outbox_ConcurrentWorkers_ClaimEachRowOnce(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db, TicketMirrorTargets.Jira);
        for (var i = 0; i < 30; i++) await s.Systems.RegisterAsync(Alice, Sys($"system-{i}"));
        var now = DateTimeOffset.UtcNow.AddSeconds(5);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var round = 0; round < 10; round++)
                mine.AddRange((await new TicketOutboxStore(db.Database).ClaimDueAsync(["jira"], now, now.AddMinutes(1), 5)).Select(o => o.Seq));
            return mine;
        }, TestContext.Current.CancellationToken)).ToArray();
        var claimed = (await Task.WhenAll(workers)).SelectMany(x => x).ToList();
        Assert.Equal(30, claimed.Count);
        Assert.Equal(30, claimed.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Outbox_DeliversInOrderPerTicket_LeasesAndRecordsFailures(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db, TicketMirrorTargets.Jira);
        var system = await s.Systems.RegisterAsync(Alice, Sys("scoring"));
        await s.Tickets.ChangeStatusAsync(Bob, false, "STW-1", new TicketStatusChange("in_progress", null));
        var now = DateTimeOffset.UtcNow.AddSeconds(5);
        var first = Assert.Single(await s.Outbox.ClaimDueAsync(["jira"], now, now.AddMinutes(1), 10));
        Assert.Equal("create", first.Operation); // the status row waits for the create row
        Assert.Empty(await s.Outbox.ClaimDueAsync(["jira"], now, now.AddMinutes(1), 10)); // leased
        Assert.Empty(await s.Outbox.ClaimDueAsync(["servicenow"], now, now.AddMinutes(1), 10));

        await s.Outbox.FailedAsync(first.Seq, now, "jira answered 503", now.AddSeconds(1));
        var backlog = await s.Outbox.BacklogAsync();
        Assert.Equal((2, 1), (backlog.Pending, backlog.Failing));
        Assert.Equal(("jira answered 503", 1), (backlog.Items[0].LastError, backlog.Items[0].Attempts));
        Assert.Empty(await s.Outbox.ClaimDueAsync(["jira"], now, now.AddMinutes(1), 10));
        var again = Assert.Single(await s.Outbox.ClaimDueAsync(["jira"], now.AddSeconds(2), now.AddMinutes(1), 10));
        await s.Sync.RecordMirroredAsync(again, "GOV-9", null, ["link"]);
        var next = await s.Outbox.ClaimDueAsync(["jira"], now.AddSeconds(2), now.AddMinutes(1), 10);
        Assert.Equal(["status"], next.Select(o => o.Operation)); // then the status row; the link row queues behind it
        await s.Outbox.DeliveredAsync(next[0].Seq, now);
        Assert.Equal(["link"], (await s.Outbox.ClaimDueAsync(["jira"], now.AddSeconds(2), now.AddMinutes(1), 10)).Select(o => o.Operation));
        Assert.Equal(system.Id, (await s.Tickets.GetAsync("STW-1")).SystemId);
    }
}
