using System.Text.Json.Nodes;
using Steward.Governance.Decisions;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.RedTeam;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.RedTeam;

/// <summary>Exercises, findings, risk acceptance and the findings gate facts on SQLite and PostgreSQL.</summary>
public sealed class RedTeamStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");

    private sealed class Stores(TestDatabase db) : IAsyncDisposable
    {
        public TestDatabase Db => db;
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events { get; } = new(TimeProvider.System);
        public SystemStore Systems => new(db.Database, Ledger, Events);
        public DecisionStore Decisions => new(db.Database, Ledger, Events);
        public ExerciseStore Exercises => new(db.Database, Ledger, Events);
        public FindingStore Findings => new(db.Database, Ledger, Events);
        public LedgerReader Reader => new(db.Database);
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static FindingRequest Finding(string systemId, string severity = "high", string? exerciseId = null, string[]? atlas = null, string[]? owasp = null) =>
        new(systemId, exerciseId, "System prompt extractable", "Asking for the instructions verbatim returns them.", severity,
            atlas ?? ["AML.T0056", "AML.T0051.000"], owasp ?? ["LLM07"], [new Evidence("https://wiki.example.com/rt/1", new string('b', 64))], null);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Exercises_CreateListChangeStatus_AndRefuseBadDates(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("chatbot", null, "o", null, "high", null));
        var exercise = await s.Exercises.CreateAsync(Alice, new ExerciseRequest(system.Id, "Q4 LLM red team", "chat endpoint, RAG store",
            "2026-11-01", "2026-11-05", ["alice@example.com", "carol@example.com", "alice@example.com"], null));
        Assert.Equal(("planned", 2), (exercise.Status, exercise.Team.Count));
        Assert.Equal(new DateOnly(2026, 11, 5), exercise.EndsOn);
        Same(exercise, await s.Exercises.GetAsync(exercise.Id));

        var running = await s.Exercises.ChangeStatusAsync(Bob, exercise.Id, new ExerciseStatusChange("running"));
        Assert.Equal("running", (await s.Exercises.GetAsync(exercise.Id)).Status);
        Assert.Equal(running.LedgerIndex, (await s.Exercises.GetAsync(exercise.Id)).LedgerIndex);
        await Assert.ThrowsAsync<ConflictException>(() => s.Exercises.ChangeStatusAsync(Bob, exercise.Id, new ExerciseStatusChange("running")));

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Exercises.CreateAsync(Alice,
            new ExerciseRequest(system.Id, "x", "y", "2026-11-05", "2026-11-01", [], "done")));
        Assert.Contains("ends_on", bad.Errors.Keys);
        Assert.Contains("team", bad.Errors.Keys);
        Assert.Contains("status", bad.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Exercises.CreateAsync(Alice,
            new ExerciseRequest("no-such-system", "x", "y", "2026-11-01", "2026-11-01", ["a"], null)));

        var other = await s.Systems.RegisterAsync(Alice, new SystemRegistration("other", null, "o", null, "high", null));
        await s.Exercises.CreateAsync(Alice, new ExerciseRequest(other.Id, "x", "y", "2026-11-01", "2026-11-01", ["a"], "completed"));
        Assert.Single((await s.Exercises.ListAsync(system.Id, null, 10)).Items);
        Assert.Equal(2, (await s.Exercises.ListAsync(null, null, 10)).Items.Count);
        var types = (await s.Reader.ListAsync(new LedgerEntryFilter(SubjectKind: "system", SubjectId: system.Id), null, 50)).Items.Select(e => Leaf(e)["type"]!.GetValue<string>()).ToList();
        Assert.Contains("redteam.exercise.created", types);
        Assert.Contains("redteam.exercise.status_changed", types);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Findings_RecordFilter_AndRefuseMalformedOrUnknownIds(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("chatbot", null, "o", null, "high", null));
        var other = await s.Systems.RegisterAsync(Alice, new SystemRegistration("other", null, "o", null, "high", null));
        var exercise = await s.Exercises.CreateAsync(Alice, new ExerciseRequest(system.Id, "rt", "all", "2026-11-01", "2026-11-02", ["a"], null));

        var before = (await s.Reader.HeadAsync()).Size;
        var finding = await s.Findings.RecordAsync(Alice, Finding(system.Id, exerciseId: exercise.Id));
        Assert.Equal(("open", exercise.Id, "manual"), (finding.Status, finding.ExerciseId, finding.Source));
        Assert.Equal(before + 1, (await s.Reader.HeadAsync()).Size);
        var entry = (await s.Reader.ListAsync(new LedgerEntryFilter(Type: "redteam.finding.recorded"), null, 10)).Items.Single();
        Assert.Equal(finding.Id, Leaf(entry)["refs"]!["finding_id"]!.GetValue<string>());
        Same(finding, await s.Findings.GetAsync(finding.Id));

        await s.Findings.RecordAsync(Alice, Finding(system.Id, "low", atlas: ["AML.T0043"], owasp: []));
        await s.Findings.RecordAsync(Alice, Finding(other.Id, "critical"));
        Assert.Equal(2, (await s.Findings.ListAsync(new FindingFilter(SystemId: system.Id), null, 10)).Items.Count);
        Assert.Single((await s.Findings.ListAsync(new FindingFilter(ExerciseId: exercise.Id), null, 10)).Items);
        Assert.Single((await s.Findings.ListAsync(new FindingFilter(Severity: "critical"), null, 10)).Items);
        Assert.Equal(3, (await s.Findings.ListAsync(new FindingFilter(Status: "open"), null, 10)).Items.Count);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.ListAsync(new FindingFilter(Severity: "severe"), null, 10));

        var size = (await s.Reader.HeadAsync()).Size;
        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.RecordAsync(Alice,
            Finding(system.Id, "urgent", atlas: ["AML.T43", "AML.T9999", "AML.T0024.001"], owasp: ["LLM11", "LLM02"])));
        Assert.Contains("not a MITRE ATLAS technique id", malformed.Errors["atlas[0]"][0], StringComparison.Ordinal);
        Assert.Contains("not a known MITRE ATLAS technique", malformed.Errors["atlas[1]"][0], StringComparison.Ordinal);
        Assert.False(malformed.Errors.ContainsKey("atlas[2]"));
        Assert.Contains("owasp_llm[0]", malformed.Errors.Keys);
        Assert.Contains("severity", malformed.Errors.Keys);
        var wrongExercise = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.RecordAsync(Alice, Finding(other.Id, exerciseId: exercise.Id)));
        Assert.Contains("another system", wrongExercise.Errors["exercise_id"][0], StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.RecordAsync(Alice, Finding("no-such-system")));
        Assert.Equal(size, (await s.Reader.HeadAsync()).Size); // nothing half-written
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RiskAcceptance_NeedsCurrentApprovedDecisionOnTheSameSystem_AndGateFactsShowIt(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("chatbot", null, "o", null, "high", null));
        var other = await s.Systems.RegisterAsync(Alice, new SystemRegistration("other", null, "o", null, "high", null));
        var finding = await s.Findings.RecordAsync(Alice, Finding(system.Id, "critical"));
        var accept = await Decide(s, system.Id, "risk_acceptance", "approved");
        var rejected = await Decide(s, system.Id, "risk_acceptance", "rejected");
        var wrongType = await Decide(s, system.Id, "business_approval", "approved");
        var otherSystem = await Decide(s, other.Id, "risk_acceptance", "approved");
        var old = await Decide(s, system.Id, "risk_acceptance", "approved");
        await Decide(s, system.Id, "risk_acceptance", "approved", supersedes: old.Id);

        FindingStatusChange Accept(string? decision) => new("risk_accepted", decision, "accepted until the Q1 fix");
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.ChangeStatusAsync(Bob, finding.Id, Accept(null), true));
        Assert.Contains("risk_acceptance_decision", missing.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.ChangeStatusAsync(Bob, finding.Id, Accept("no-such-decision"), true));
        foreach (var (decision, reason) in new[] { (rejected, "not approved"), (wrongType, "not a risk_acceptance"), (otherSystem, "not about system"), (old, "superseded") })
        {
            var conflict = await Assert.ThrowsAsync<ConflictException>(() => s.Findings.ChangeStatusAsync(Bob, finding.Id, Accept(decision.Id), true));
            Assert.Contains(reason, conflict.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Findings.ChangeStatusAsync(Alice, finding.Id, Accept(accept.Id), mayAcceptRisk: false));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Findings.ChangeStatusAsync(Alice, finding.Id, new FindingStatusChange("mitigated", accept.Id, "fixed"), true));
        Assert.Equal("open", (await s.Findings.GetAsync(finding.Id)).Status);

        var accepted = await s.Findings.ChangeStatusAsync(Bob, finding.Id, Accept(accept.Id), true);
        Assert.Equal(("risk_accepted", accept.Id, Bob.Id), (accepted.Status, accepted.RiskAcceptance, accepted.StatusChangedBy));
        Same(accepted, await s.Findings.GetAsync(finding.Id));
        var change = (await s.Reader.ListAsync(new LedgerEntryFilter(Type: "redteam.finding.status_changed"), null, 10)).Items.Single();
        Assert.Equal(accept.Id, Leaf(change)["refs"]!["decision_id"]!.GetValue<string>());
        Assert.Equal("open", Leaf(change)["data"]!["from"]!.GetValue<string>());
        await Assert.ThrowsAsync<ConflictException>(() => s.Findings.ChangeStatusAsync(Bob, finding.Id, Accept(accept.Id), true));

        var facts = await Facts(s, system.Id);
        var fact = Assert.IsType<JsonObject>(Assert.Single(facts));
        Assert.Equal(["id", "exercise_id", "title", "severity", "status", "atlas", "owasp_llm", "recorded_at", "risk_acceptance", "risk_acceptance_current"], fact.Select(p => p.Key));
        Assert.Equal(("risk_accepted", accept.Id, true), (fact["status"]!.GetValue<string>(), fact["risk_acceptance"]!.GetValue<string>(), fact["risk_acceptance_current"]!.GetValue<bool>()));
        Assert.Equal("[\"AML.T0056\",\"AML.T0051.000\"]", fact["atlas"]!.ToJsonString());

        await Decide(s, system.Id, "risk_acceptance", "rejected", supersedes: accept.Id);
        Assert.False((await Facts(s, system.Id))[0]!["risk_acceptance_current"]!.GetValue<bool>());
        var mitigated = await s.Findings.ChangeStatusAsync(Alice, finding.Id, new FindingStatusChange("mitigated", null, "input filter deployed"), false);
        Assert.Null(mitigated.RiskAcceptance);
        Assert.Empty(await Facts(s, other.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentStatusChanges_ExactlyOneWins_AndOneEntryIsWritten(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("chatbot", null, "o", null, "high", null));
        var finding = await s.Findings.RecordAsync(Alice, Finding(system.Id));
        var size = (await s.Reader.HeadAsync()).Size;

        // Whichever attempt commits first wins; the others see a changed version
        // (inside the ledger transaction) or, reading later, a finding already mitigated: 409 either way.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Attempt(() => s.Findings.ChangeStatusAsync(i % 2 == 0 ? Alice : Bob, finding.Id, new FindingStatusChange("mitigated", null, $"patched {i}"), false))));
        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.Where(a => a is not null), a => Assert.IsType<ConflictException>(a));
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size);
        Assert.Equal("mitigated", (await s.Findings.GetAsync(finding.Id)).Status);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (ConflictException e)
        {
            return e;
        }
    }

    private static void Same<T>(T expected, T actual) => Assert.Equal(
        System.Text.Json.JsonSerializer.Serialize(expected, GovernanceJson.Options), System.Text.Json.JsonSerializer.Serialize(actual, GovernanceJson.Options));

    private static JsonNode Leaf(LedgerEntry entry) => JsonNode.Parse(entry.Leaf)!;

    private static async Task<JsonArray> Facts(Stores s, string systemId)
    {
        await using var connection = await s.Db.Database.OpenAsync();
        return (JsonArray)await new FindingsGateFacts().CollectAsync(connection, null, systemId, default);
    }

    private static Task<Decision> Decide(Stores s, string systemId, string type, string outcome, string? supersedes = null)
    {
        var body = new JsonObject
        {
            ["type"] = type, ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = systemId },
            ["outcome"] = outcome, ["rationale"] = "reviewed by the risk board",
        };
        if (supersedes is not null) body["supersedes"] = supersedes;
        return s.Decisions.RecordAsync(Bob, DecisionRequest.Parse(body));
    }
}
