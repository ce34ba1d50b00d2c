using System.Text.Json.Nodes;
using Steward.Governance.Decisions;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Policies;
using Steward.Governance.Storage;

namespace Steward.Benchmarks.Lifecycle;

/// <summary>
/// A SQLite database with the shipped gate policy and one system carrying <c>events</c> governance events, built
/// through the real stores so every event is a ledger entry: 70% decisions of every gate-relevant type (every tenth
/// corrects the one before), 30% red-team findings (medium and low, so they are read but block nothing). The gate
/// reads them through the same facts sources as the server (decisions, assessments, tickets, findings, models, datasets).
/// </summary>
internal sealed class GateFixture : IAsyncDisposable
{
    private static readonly Actor Owner = new("owner@example.com", "person");
    private static readonly Actor Approver = new("approver@example.com", "person");
    private static readonly string[] Types = ["business_approval", "ethical_review", "risk_acceptance", "dataset_approval", "deployment_approval", "waiver"];

    private GateFixture(string directory, SqliteDatabase db, LedgerStore ledger, GateEngine gates, string systemId)
    {
        Directory = directory;
        Database = db;
        Ledger = ledger;
        Gates = gates;
        SystemId = systemId;
    }

    public string Directory { get; }
    public SqliteDatabase Database { get; }
    public LedgerStore Ledger { get; }
    public GateEngine Gates { get; }
    public string SystemId { get; }
    public static Actor Asker => Owner;

    public static async Task<GateFixture> CreateAsync(int events)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("steward-gate-bench-").FullName;
        var db = new SqliteDatabase(SqliteDatabase.FileIn(directory));
        await db.MigrateAsync();
        var ledger = new LedgerStore(db, new LedgerOptions());
        var factory = new EventFactory(TimeProvider.System);
        var systems = new SystemStore(db, ledger, factory);
        var decisions = new DecisionStore(db, ledger, factory);
        var findings = new Steward.Governance.RedTeam.FindingStore(db, ledger, factory);
        await new PolicyModuleStore(db, ledger, factory).PutAsync(Actor.System, GatePolicy.ModuleId, GatePolicy.DefaultText);
        var system = await systems.RegisterAsync(Owner, new SystemRegistration("bench-system", "credit scoring", "owner@example.com", "retail", "high", null));

        // Events go in concurrently (the sequencer commits them in groups); every tenth corrects the one before.
        var recorded = new List<string>();
        var findingCount = events * 3 / 10;
        for (var start = 0; start < findingCount; start += 100)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(100, findingCount - start)).Select(i => findings.RecordAsync(Approver,
                new Steward.Governance.RedTeam.FindingRequest(system.Id, null, $"finding {i}", "perturbation flips the label", i % 2 == 0 ? "medium" : "low",
                    ["AML.T0043"], [], null, null))));
        }
        events -= findingCount;
        for (var start = 0; start < events; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, events - start)).Select(i =>
            {
                var body = new JsonObject
                {
                    ["type"] = Types[i % Types.Length],
                    ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = system.Id },
                    ["outcome"] = i % 7 == 0 ? "rejected" : "approved",
                    ["rationale"] = $"review {i}",
                };
                if (i % 10 == 9 && recorded.Count > 0) body["supersedes"] = recorded[^1];
                return decisions.RecordAsync(Approver, DecisionRequest.Parse(body));
            });
            recorded.AddRange((await Task.WhenAll(batch)).Select(d => d.Id));
        }
        var gates = new GateEngine(db, ledger, factory, new GatePolicyCache(), systems,
            [new Steward.Governance.Assessments.AssessmentGateFacts(), new Steward.Governance.Tickets.TicketGateFacts(),
             new Steward.Governance.RedTeam.FindingsGateFacts(), new ModelGateFacts(), new DatasetGateFacts()]);
        return new GateFixture(directory, db, ledger, gates, system.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
