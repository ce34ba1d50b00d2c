using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Governance.Decisions;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.PiiScans;
using Steward.Governance.Policies;
using Steward.Governance.Tests.Storage;
using Steward.Pii;
using Steward.Pii.Recognizers;
using Steward.Pii.Scanning;

namespace Steward.Governance.Tests.PiiScans;

/// <summary>PII scans recorded on datasets, their ledger entries, gate facts and the clean-scan approval rule, on SQLite and PostgreSQL.</summary>
public sealed class PiiScanStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");

    private static readonly AnalyzerEngine Engine = new(new RecognizerRegistry(
        [new RegexRecognizer("t_ssn", PiiEntities.UsSsn, [new PatternDefinition("ssn", @"\b\d{3}-\d{2}-\d{4}\b", 0.85)])]));

    private sealed class Stores(TestDatabase db) : IAsyncDisposable
    {
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events { get; } = new(TimeProvider.System);
        public GatePolicyCache Policies { get; } = new();
        public SystemStore Systems => new(db.Database, Ledger, Events);
        public DatasetStore Datasets => new(db.Database, Ledger, Events);
        public PiiScanStore Scans => new(db.Database, Ledger, Events);
        public DecisionStore Decisions => new(db.Database, Ledger, Events, [new CleanScanApprovalPrecondition(Policies)]);
        public PolicyModuleStore Modules => new(db.Database, Ledger, Events);
        public PolicyDataStore Data => new(db.Database, Ledger, Events);
        public GateEngine Gates => new(db.Database, Ledger, Events, Policies, Systems, [new DatasetGateFacts(), new PiiScanGateFacts()]);
        public LedgerReader Reader => new(db.Database);
        public string Folder => db.DataDirectory;
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static async Task<(string Path, string Sha)> FileAsync(Stores s, string name, string content)
    {
        var path = Path.Combine(s.Folder, name);
        await File.WriteAllTextAsync(path, content);
        return (path, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))));
    }

    private static async Task<ScanReport> ScanAsync(string path) =>
        await new DatasetScanner(Engine).ScanFileAsync(path, new ScanOptions { Rule = new ScanRule { FailOn = [PiiEntities.UsSsn] } });

    private static DecisionRequest Approve(string datasetId) => DecisionRequest.Parse(new JsonObject
    {
        ["type"] = "dataset_approval", ["subject"] = new JsonObject { ["kind"] = "dataset", ["id"] = datasetId },
        ["outcome"] = "approved", ["rationale"] = "reviewed",
    });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SubmittedReport_IsCheckedAndRecordedWithItsLedgerEntry(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var (path, sha) = await FileAsync(s, "train.csv", "id,notes\n1,ssn 123-45-6789\n2,fine\n");
        var dataset = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("train", null, "o", null, null, sha));
        var report = await ScanAsync(path);
        var size = (await s.Reader.HeadAsync()).Size;

        var scan = await s.Scans.SubmitReportAsync(Bob, dataset.Id, ScanReportJson.Serialize(report));
        Assert.Equal(("completed", "report", "fail", sha, Bob.Id), (scan.Status, scan.Source, scan.Verdict, scan.DatasetSha256, scan.SubmittedBy));
        Assert.Equal(size + 1, (await s.Reader.HeadAsync()).Size);
        var stored = Encoding.UTF8.GetBytes(scan.Report!.ToJsonString());
        Assert.Equal(scan.ReportSha256, Convert.ToHexStringLower(SHA256.HashData(ScanReportJson.Serialize(ScanReportJson.Deserialize(stored)))));
        var leaf = Encoding.UTF8.GetString((await s.Reader.GetAsync(scan.LedgerIndex!.Value)).Leaf);
        Assert.Contains("dataset.pii_scanned", leaf, StringComparison.Ordinal);
        Assert.Contains(scan.ReportSha256!, leaf, StringComparison.Ordinal);
        Assert.Contains(sha, leaf, StringComparison.Ordinal);
        Assert.Equal(scan.Id, Assert.Single((await s.Scans.ListAsync(dataset.Id, null, null)).Items).Id);
        Assert.Null(Assert.Single((await s.Scans.ListAsync(dataset.Id, null, null)).Items).Report);

        // Not the registered file, a verdict its counts do not support, garbage, no digest registered: refused, nothing recorded.
        var (_, otherSha) = await FileAsync(s, "other.csv", "x\n");
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Scans.SubmitReportAsync(Bob, dataset.Id, ScanReportJson.Serialize(report with { Sha256 = otherSha })));
        var lying = report with { Verdict = report.Verdict with { Passed = true, Reasons = [] } };
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Scans.SubmitReportAsync(Bob, dataset.Id, ScanReportJson.Serialize(lying)));
        Assert.Contains("verdict", e.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Scans.SubmitReportAsync(Bob, dataset.Id, "{\"file\": 3}"u8.ToArray()));
        var bare = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("bare", null, "o", null, null, null));
        size = (await s.Reader.HeadAsync()).Size;
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Scans.SubmitReportAsync(Bob, bare.Id, ScanReportJson.Serialize(report)));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Scans.SubmitReportAsync(Bob, "nope", ScanReportJson.Serialize(report)));
        Assert.Equal(size, (await s.Reader.HeadAsync()).Size);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UploadScan_GoesFromQueuedToCompleted_OrFailsForAnotherFile(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var (path, sha) = await FileAsync(s, "clean.csv", "id,notes\n1,nothing\n");
        var dataset = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("clean", null, "o", null, null, sha));

        var queued = await s.Scans.QueueUploadAsync(Bob, dataset.Id, 100);
        Assert.Equal(("queued", "upload", 100L), (queued.Status, queued.Source, queued.BytesTotal));
        await s.Scans.ProgressAsync(queued.Id, 40);
        var running = await s.Scans.GetAsync(dataset.Id, queued.Id);
        Assert.Equal(("running", 40L), (running.Status, running.BytesRead));
        var done = await s.Scans.CompleteUploadAsync(Bob, queued.Id, await ScanAsync(path));
        Assert.Equal(("completed", "pass"), (done.Status, done.Verdict));
        Assert.NotNull(done.LedgerIndex);

        var (other, _) = await FileAsync(s, "other.csv", "id\n2\n");
        var second = await s.Scans.QueueUploadAsync(Bob, dataset.Id, 5);
        var failed = await s.Scans.CompleteUploadAsync(Bob, second.Id, await ScanAsync(other));
        Assert.Equal("failed", failed.Status);
        Assert.Contains("registered", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.LedgerIndex);

        var third = await s.Scans.QueueUploadAsync(Bob, dataset.Id, 5);
        await s.Scans.FailInterruptedAsync();
        Assert.Equal("failed", (await s.Scans.GetAsync(dataset.Id, third.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RequireCleanScan_GatesDevelopmentAndDatasetApproval(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        await s.Modules.PutAsync(Actor.System, GatePolicy.ModuleId, GatePolicy.DefaultText);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("scoring", "credit", "o", "retail", "high", null));
        var (dirty, dirtySha) = await FileAsync(s, "d.csv", "n\n123-45-6789\n");
        var dataset = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("d", system.Id, "o", null, null, dirtySha));

        // Off by default: approval and the gate do not ask for scans.
        Assert.DoesNotContain((await s.Gates.EvaluateAsync(system.Id, "development", Bob)).Unmet, u => u.Rule == "pii_scan_clean");
        await s.Decisions.RecordAsync(Bob, Approve(dataset.Id));

        await s.Data.PutAsync(Actor.System, ["config", "gates"], """{"require_clean_pii_scan": true}""");
        var unmet = (await s.Gates.EvaluateAsync(system.Id, "development", Bob)).Unmet.Single(u => u.Rule == "pii_scan_clean");
        Assert.Contains("has no PII scan", unmet.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => s.Decisions.RecordAsync(Bob, Approve(dataset.Id)));
        Assert.Contains("no completed PII scan", refused.Message, StringComparison.Ordinal);

        await s.Scans.SubmitReportAsync(Bob, dataset.Id, ScanReportJson.Serialize(await ScanAsync(dirty)));
        Assert.Contains("failed its rule", (await s.Gates.EvaluateAsync(system.Id, "development", Bob)).Unmet.Single(u => u.Rule == "pii_scan_clean").Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Decisions.RecordAsync(Bob, Approve(dataset.Id)));

        // After redaction the file is new: registered as a new dataset with its digest, scanned clean, approvable.
        var (clean, cleanSha) = await FileAsync(s, "clean.csv", "n\n<US_SSN>\n");
        var redacted = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("d-redacted", system.Id, "o", null, null, cleanSha));
        await s.Scans.SubmitReportAsync(Bob, redacted.Id, ScanReportJson.Serialize(await ScanAsync(clean)));
        await s.Decisions.RecordAsync(Bob, Approve(redacted.Id));
        var messages = (await s.Gates.EvaluateAsync(system.Id, "development", Bob)).Unmet.Where(u => u.Rule == "pii_scan_clean").ToList();
        Assert.Single(messages); // only the dirty dataset is still in the way
        Assert.Contains("(" + dataset.Id + ")", messages[0].Message, StringComparison.Ordinal);
    }
}
