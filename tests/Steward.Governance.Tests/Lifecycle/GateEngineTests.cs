using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Steward.Governance.Decisions;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Policies;
using Steward.Governance.Storage;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Lifecycle;

/// <summary>Lifecycle gates over the shipped gate policy, on both providers.</summary>
public sealed class GateEngineTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");

    /// <summary>Stands in for the assessment area's facts: answers what the test sets, and counts calls.</summary>
    private sealed class ScriptedFacts(string name) : IGateFactsSource
    {
        public Func<int, JsonNode> Answer { get; set; } = _ => new JsonArray();
        public int Calls;
        public string Name => name;

        public Task<JsonNode> CollectAsync(DbConnection connection, DbTransaction? transaction, string systemId, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(Interlocked.Increment(ref Calls)));
    }

    private sealed class Setup : IAsyncDisposable
    {
        public Setup(TestDatabase db)
        {
            Db = db;
            Ledger = new LedgerStore(db.Database, new LedgerOptions());
            Events = new EventFactory(TimeProvider.System);
            Systems = new SystemStore(db.Database, Ledger, Events);
            Decisions = new DecisionStore(db.Database, Ledger, Events);
            Modules = new PolicyModuleStore(db.Database, Ledger, Events);
            Gates = new GateEngine(db.Database, Ledger, Events, new GatePolicyCache(), Systems,
                [Assessments, new ModelGateFacts(), new DatasetGateFacts()]);
            History = new StageHistory(db.Database);
        }

        public TestDatabase Db { get; }
        public LedgerStore Ledger { get; }
        public EventFactory Events { get; }
        public SystemStore Systems { get; }
        public DecisionStore Decisions { get; }
        public PolicyModuleStore Modules { get; }
        public ScriptedFacts Assessments { get; } = new("assessments");
        public GateEngine Gates { get; }
        public StageHistory History { get; }

        public async Task<AiSystem> SystemAsync(string name = "scoring")
        {
            await Modules.PutAsync(Actor.System, GatePolicy.ModuleId, GatePolicy.DefaultText);
            return await Systems.RegisterAsync(Alice, new SystemRegistration(name, "credit scoring", "risk@example.com", "retail", "high", null));
        }

        public Task DecideAsync(string systemId, string type, string outcome = "approved") =>
            Decisions.RecordAsync(Bob, DecisionRequest.Parse(new JsonObject
            {
                ["type"] = type,
                ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = systemId },
                ["outcome"] = outcome,
                ["rationale"] = "reviewed",
            }));

        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static JsonNode Passed(DateTimeOffset approvedAt) => new JsonArray(new JsonObject
    {
        ["id"] = Guid.CreateVersion7().ToString(),
        ["status"] = "approved",
        ["outcome"] = "passed",
        ["approved_at"] = Timestamps.Format(approvedAt),
    });

    private static HashSet<string> Rules(GateResult result) => [.. result.Unmet.Select(u => u.Rule)];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FreshSystem_IsRefusedWithEveryUnmetRequirement_AndTheRefusalIsRecorded(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        Assert.Equal(Stages.Intake, system.Stage);

        var gate = await s.Gates.EvaluateAsync(system.Id, "deployment", Alice);
        Assert.False(gate.Allowed);
        Assert.Equal(["business_approval", "ethical_review", "risk_assessment_approved"], Rules(gate).Order());
        Assert.All(gate.Unmet, u => Assert.False(string.IsNullOrWhiteSpace(u.Message)));

        var refused = await Assert.ThrowsAsync<GateRefusedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, "deployment", "release 1"));
        Assert.Equal(gate.Unmet, refused.Result.Unmet);
        Assert.Equal(Stages.Intake, (await s.Systems.GetAsync(system.Id)).Stage);
        var history = await s.History.ListAsync(system.Id);
        var entry = Assert.Single(history);
        Assert.Equal(("stage.change_refused", "intake", "deployment", "release 1"), (entry.Type, entry.From, entry.To, entry.Reason));
        Assert.Equal(gate.Unmet, entry.Unmet);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MetRequirements_AllowDeployment_AndTheChangeIsRecorded(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        s.Assessments.Answer = _ => Passed(DateTimeOffset.UtcNow.AddDays(-3));
        await s.DecideAsync(system.Id, "business_approval");
        Assert.Equal(["ethical_review"], Rules(await s.Gates.EvaluateAsync(system.Id, "deployment", Alice)));
        await s.DecideAsync(system.Id, "ethical_review");

        var change = await s.Gates.ChangeStageAsync(Alice, system.Id, "deployment", null);
        Assert.True(change.Gate.Allowed);
        Assert.Equal("deployment", change.System.Stage);
        Assert.Equal("deployment", (await s.Systems.GetAsync(system.Id)).Stage);
        var entry = Assert.Single(await s.History.ListAsync(system.Id));
        Assert.Equal(("stage.changed", change.LedgerIndex, Alice.Id), (entry.Type, entry.LedgerIndex, entry.Actor));

        // Going back for rework needs nothing; a retired system stays retired.
        Assert.Equal("development", (await s.Gates.ChangeStageAsync(Alice, system.Id, "development", "rework")).System.Stage);
        Assert.Equal("retired", (await s.Gates.ChangeStageAsync(Alice, system.Id, "retired", null)).System.Stage);
        var final = await Assert.ThrowsAsync<GateRefusedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, "development", null));
        Assert.Equal(["retired_is_final"], Rules(final.Result));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AGatePolicyChange_DecidesTheNextGate_AndNoPolicyRefusesEverything(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        var before = await s.Gates.EvaluateAsync(system.Id, "development", Alice);
        Assert.Equal(["risk_assessment_approved"], Rules(before));

        await s.Modules.PutAsync(Bob, GatePolicy.ModuleId, """
            package steward.gates
            unmet contains {"rule": "owner_must_ask", "message": "only the owner may move it"} if input.actor != input.system.owner
            """);
        var after = await s.Gates.EvaluateAsync(system.Id, "development", Alice);
        Assert.Equal(["owner_must_ask"], Rules(after));
        Assert.True(after.PolicyRevision > before.PolicyRevision);
        Assert.True((await s.Gates.EvaluateAsync(system.Id, "development", new Actor("risk@example.com", "person"))).Allowed);

        await s.Modules.DeleteAsync(Bob, GatePolicy.ModuleId);
        var none = await s.Gates.EvaluateAsync(system.Id, "retired", Alice);
        Assert.Equal(["gate_policy_missing"], Rules(none));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AChangeRacingAnInvalidation_IsDecidedOnTheStateItCommitsAgainst(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        // The snapshot sees an approved assessment; by the time the writer's transaction decides, it was invalidated.
        s.Assessments.Answer = call => call == 1 ? Passed(DateTimeOffset.UtcNow) : new JsonArray(new JsonObject
        {
            ["id"] = Guid.CreateVersion7().ToString(), ["status"] = "invalidated", ["outcome"] = "passed",
            ["invalidation_reason"] = "purpose changed",
        });
        var refused = await Assert.ThrowsAsync<GateRefusedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, "development", null));
        Assert.Contains("invalidated (purpose changed)", Assert.Single(refused.Result.Unmet).Message);
        Assert.Equal(3, s.Assessments.Calls);
        Assert.Equal(Stages.Intake, (await s.Systems.GetAsync(system.Id)).Stage);
        Assert.Equal("stage.change_refused", Assert.Single(await s.History.ListAsync(system.Id)).Type);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentRequestsForOneChange_ChangeTheStageOnce(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        s.Assessments.Answer = _ => Passed(DateTimeOffset.UtcNow);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try { await s.Gates.ChangeStageAsync(Alice, system.Id, "risk_assessment", null); return "changed"; }
            catch (GateRefusedException e) { return string.Join(",", Rules(e.Result)); }
        }));
        Assert.Single(attempts, a => a == "changed");
        Assert.All(attempts.Where(a => a != "changed"), a => Assert.Equal("stage_unchanged", a));
        var history = await s.History.ListAsync(system.Id);
        Assert.Single(history, h => h.Type == "stage.changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadInput_IsRefusedBeforeAnythingIsRecorded(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Setup(db);
        var system = await s.SystemAsync();
        var size = await LedgerSizeAsync(db.Database);
        Assert.Contains("to", (await Assert.ThrowsAsync<ValidationFailedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, "production", null))).Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, null, null));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Gates.ChangeStageAsync(Alice, system.Id, "retired", new string('x', 4001)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Gates.EvaluateAsync(system.Id, "Deployment", Alice));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Gates.ChangeStageAsync(Alice, "no-such-system", "retired", null));
        Assert.Equal(size, await LedgerSizeAsync(db.Database));
    }

    [Fact]
    public async Task ADatabaseFromBeforeStages_GetsTheColumn_WithEverySystemInIntake()
    {
        var directory = Directory.CreateTempSubdirectory("steward-upgrade-").FullName;
        try
        {
            var file = SqliteDatabase.FileIn(directory);
            await using (var old = new SqliteConnection($"Data Source={file}"))
            {
                await old.OpenAsync();
                await using var create = old.CreateCommand();
                create.CommandText = """
                    CREATE TABLE systems (
                        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, purpose TEXT NOT NULL, owner TEXT NOT NULL,
                        business_unit TEXT NOT NULL, risk_tier TEXT NOT NULL, status TEXT NOT NULL,
                        created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, ledger_index BIGINT NOT NULL);
                    INSERT INTO systems VALUES ('s1', 'old', '', 'o', '', 'high', 'active', '2026-01-01T00:00:00Z', 'a', '2026-01-01T00:00:00Z', 0);
                    """;
                await create.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            await using var database = new SqliteDatabase(file);
            await database.MigrateAsync();
            await database.MigrateAsync();
            await using var ledger = new LedgerStore(database, new LedgerOptions());
            var system = await new SystemStore(database, ledger, new EventFactory(TimeProvider.System)).GetAsync("s1");
            Assert.Equal(("old", Stages.Intake), (system.Name, system.Stage));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> LedgerSizeAsync(StewardDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.Command("SELECT COUNT(*) FROM ledger_entries");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
