using System.Text.Json.Nodes;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Assessments;

/// <summary>The assessment workflow on both providers: ledger entries, separation of duties, races, retirement, invalidation, gate facts.</summary>
public sealed class AssessmentStoreTests
{
    private static readonly Actor Registrant = new("rita@example.com", "person");
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");
    private static readonly Actor Carol = new("carol@example.com", "person");

    private sealed class RecordingHook : IAssessmentApprovedHook
    {
        public List<(string System, string Assessment, string Outcome)> Calls { get; } = [];

        public async Task OnApprovedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string systemId,
            string assessmentId, string outcome, long ledgerIndex, CancellationToken cancellationToken)
        {
            // Runs inside the approval's transaction: the row already says approved.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT status FROM assessments WHERE id = '{assessmentId}'";
            Assert.Equal("approved", await command.ExecuteScalarAsync(cancellationToken));
            lock (Calls) Calls.Add((systemId, assessmentId, outcome));
        }
    }

    private sealed class Stores : IAsyncDisposable
    {
        public Stores(TestDatabase db)
        {
            Db = db;
            Ledger = new LedgerStore(db.Database, new LedgerOptions());
            Templates = new TemplateCatalog(db.Database, Ledger, Events, Options);
            Assessments = new AssessmentStore(db.Database, Ledger, Events, Templates, Options, [Hook]);
            Systems = new SystemStore(db.Database, Ledger, Events, [new AssessmentSystemHook()]);
        }

        public TestDatabase Db { get; }
        public LedgerStore Ledger { get; }
        public EventFactory Events { get; } = new(TimeProvider.System);
        public AssessmentOptions Options { get; } = new();
        public RecordingHook Hook { get; } = new();
        public TemplateCatalog Templates { get; }
        public AssessmentStore Assessments { get; }
        public SystemStore Systems { get; }
        public LedgerReader Reader => new(Db.Database);
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    private static async Task<(Stores, AiSystem)> SetUpAsync(TestDatabase db)
    {
        var s = new Stores(db);
        await s.Templates.InitializeAsync();
        var system = await s.Systems.RegisterAsync(Registrant, new SystemRegistration("credit-scoring", "credit decisions", "risk@example.com", "retail", "high", null));
        return (s, system);
    }

    private static Dictionary<string, JsonNode?> Answers(Dictionary<string, JsonNode> answers) => answers.ToDictionary(a => a.Key, a => (JsonNode?)a.Value);

    private static async Task<JsonObject> EventAsync(Stores s, long index) =>
        JsonNode.Parse((await s.Reader.GetAsync(index)).Leaf)!.AsObject();

    private static async Task<List<string>> TypesAsync(Stores s)
    {
        var types = new List<string>();
        var size = (await s.Reader.HeadAsync()).Size;
        for (long i = 0; i < size; i++) types.Add((await EventAsync(s, i))["type"]!.GetValue<string>());
        return types;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Workflow_StartAnswerSubmitApprove_EachStepIsALedgerEntry(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var (s, system) = await SetUpAsync(db);
        await using var _ = s;

        var started = await s.Assessments.StartAsync(Alice, system.Id, null, null);
        Assert.Equal(("ai-risk-assessment", 1L, "draft"), (started.TemplateId, started.TemplateVersion, started.Status));

        var answers = ScoringTests.LowRisk();
        var half = answers.Take(10).ToDictionary(a => a.Key, a => (JsonNode?)a.Value);
        var detail = await s.Assessments.AnswerAsync(Alice, started.Id, half);
        Assert.NotEmpty(detail.Missing);
        Assert.NotNull(detail.Preview);
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Assessments.SubmitAsync(Alice, started.Id));
        Assert.Contains("answers.sector_law", early.Errors.Keys);

        detail = await s.Assessments.AnswerAsync(Alice, started.Id, Answers(answers));
        Assert.Empty(detail.Missing);
        Assert.DoesNotContain(detail.Sections.SelectMany(x => x.Questions), q => q.Id == "lawful_basis");

        // Dependent question: hidden until its condition holds; answering it first is refused, together with its parent it is accepted.
        var hidden = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            s.Assessments.AnswerAsync(Alice, started.Id, new Dictionary<string, JsonNode?> { ["lawful_basis"] = "contract" }));
        Assert.Contains("not shown", hidden.Errors["answers.lawful_basis"][0]);
        detail = await s.Assessments.AnswerAsync(Alice, started.Id, new Dictionary<string, JsonNode?> { ["uses_personal_data"] = true, ["lawful_basis"] = "contract" });
        Assert.Contains(detail.Sections.SelectMany(x => x.Questions), q => q.Id == "lawful_basis" && q.Answer!.GetValue<string>() == "contract");
        Assert.Contains("special_category_data", detail.Missing);
        await s.Assessments.AnswerAsync(Alice, started.Id, new Dictionary<string, JsonNode?> { ["uses_personal_data"] = false });

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => s.Assessments.AnswerAsync(Alice, started.Id, new Dictionary<string, JsonNode?>
        {
            ["annex3_area"] = "astrology", ["affected_people"] = "many", ["no_such_question"] = true, ["art5_manipulation"] = "no",
        }));
        Assert.Equal(["answers.affected_people", "answers.annex3_area", "answers.art5_manipulation", "answers.no_such_question"], bad.Errors.Keys.Order());

        var submitted = await s.Assessments.SubmitAsync(Alice, started.Id);
        Assert.Equal(("submitted", "passed", "minimal"), (submitted.Status, submitted.Outcome, submitted.RiskTier));
        await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.AnswerAsync(Alice, started.Id, half));

        var approved = await s.Assessments.ApproveAsync(Bob, started.Id, "looks right");
        Assert.Equal(("approved", "bob@example.com"), (approved.Status, approved.DecidedBy));
        Assert.Equal([(system.Id, started.Id, "passed")], s.Hook.Calls);

        var types = await TypesAsync(s);
        Assert.Equal(["assessment.started", "assessment.answered", "assessment.answered", "assessment.answered", "assessment.answered", "assessment.submitted", "assessment.approved"],
            types.Where(t => t.StartsWith("assessment.", StringComparison.Ordinal) && !t.StartsWith("assessment.template", StringComparison.Ordinal)));
        var stored = await s.Assessments.GetAsync(started.Id);
        Assert.Equal(approved.LedgerIndex, (await s.Reader.HeadAsync()).Size - 1);
        var entry = await EventAsync(s, approved.LedgerIndex);
        Assert.Equal(stored.AnswersSha256, entry["data"]!["answers_sha256"]!.GetValue<string>());
        Assert.Equal(started.Id, entry["refs"]!["assessment_id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SelfApproval_IsRefusedAndRecorded_ForSubmitterAndRegistrant(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var (s, system) = await SetUpAsync(db);
        await using var _ = s;
        var a = await s.Assessments.StartAsync(Alice, system.Id, "ai-risk-assessment", 1);
        await s.Assessments.AnswerAsync(Alice, a.Id, Answers(ScoringTests.LowRisk()));
        await s.Assessments.SubmitAsync(Alice, a.Id);

        var self = await Assert.ThrowsAsync<ForbiddenException>(() => s.Assessments.ApproveAsync(Alice, a.Id, null));
        Assert.Contains("submitted this assessment", self.Message);
        var registrant = await Assert.ThrowsAsync<ForbiddenException>(() => s.Assessments.ApproveAsync(Registrant, a.Id, null));
        Assert.Contains("registered system", registrant.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Assessments.RejectAsync(Alice, a.Id, "no"));
        Assert.Equal(3, (await TypesAsync(s)).Count(t => t == "assessment.self_approval_refused"));
        Assert.Equal("submitted", (await s.Assessments.GetAsync(a.Id)).Status);
        Assert.Empty(s.Hook.Calls);

        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Assessments.RejectAsync(Bob, a.Id, " "));
        var rejected = await s.Assessments.RejectAsync(Bob, a.Id, "fairness evidence missing");
        Assert.Equal("rejected", rejected.Status);
        await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.ApproveAsync(Carol, a.Id, null));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentApprovals_YieldExactlyOneApproval(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var (s, system) = await SetUpAsync(db);
        await using var _ = s;
        for (var round = 0; round < 3; round++)
        {
            var a = await s.Assessments.StartAsync(Alice, system.Id, null, null);
            await s.Assessments.AnswerAsync(Alice, a.Id, Answers(ScoringTests.LowRisk()));
            await s.Assessments.SubmitAsync(Alice, a.Id);
            var approvers = Enumerable.Range(0, 6).Select(i => new Actor($"approver{i}@example.com", "person")).ToArray();
            using var go = new ManualResetEventSlim();
            var attempts = approvers.Select(x => Task.Run(async () =>
            {
                go.Wait();
                try { return (await s.Assessments.ApproveAsync(x, a.Id, null)).DecidedBy; }
                catch (ConflictException) { return null; }
            })).ToArray();
            go.Set();
            var winners = (await Task.WhenAll(attempts)).Where(w => w is not null).ToList();
            Assert.Single(winners);
            Assert.Equal(winners[0], (await s.Assessments.GetAsync(a.Id)).DecidedBy);
        }
        Assert.Equal(3, (await TypesAsync(s)).Count(t => t == "assessment.approved"));
        Assert.Equal(3, s.Hook.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RetiredTemplateVersion_RefusesStartAnswersAndSubmission(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var (s, system) = await SetUpAsync(db);
        await using var _ = s;
        var a = await s.Assessments.StartAsync(Alice, system.Id, null, null);
        var shipped = (await s.Templates.GetAsync("ai-risk-assessment", null)).Template.Yaml;
        var v2 = await s.Templates.PublishAsync(Carol, shipped.Replace("version: 1", "version: 2", StringComparison.Ordinal));
        Assert.Equal(2, v2.Version.Version);
        await Assert.ThrowsAsync<ConflictException>(() => s.Templates.PublishAsync(Carol, shipped));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Templates.RetireAsync(Carol, "ai-risk-assessment", 1, null));

        await s.Templates.RetireAsync(Carol, "ai-risk-assessment", 1, "superseded by version 2");
        await Assert.ThrowsAsync<ConflictException>(() => s.Templates.RetireAsync(Carol, "ai-risk-assessment", 1, "again"));
        var answer = await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.AnswerAsync(Alice, a.Id, Answers(ScoringTests.LowRisk())));
        Assert.Contains("retired", answer.Message);
        await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.SubmitAsync(Alice, a.Id));
        await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.StartAsync(Alice, system.Id, "ai-risk-assessment", 1));
        Assert.Equal(2, (await s.Assessments.StartAsync(Alice, system.Id, null, null)).TemplateVersion);

        var list = Assert.Single(await s.Templates.ListAsync());
        Assert.Equal((2L, 2), (list.LatestActiveVersion!.Value, list.Versions.Count));
        var types = await TypesAsync(s);
        Assert.Equal(2, types.Count(t => t == "assessment.template.published"));
        Assert.Single(types, "assessment.template.retired");

        // Restarting publishes nothing new; a shipped version whose text changed is refused at start.
        await s.Templates.InitializeAsync();
        Assert.Equal(2, (await TypesAsync(s)).Count(t => t == "assessment.template.published"));
        var dir = Directory.CreateTempSubdirectory("steward-templates-").FullName;
        File.WriteAllText(Path.Combine(dir, "edited.yaml"), shipped.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("Legal compliance", "Law", StringComparison.Ordinal));
        var edited = new TemplateCatalog(db.Database, s.Ledger, s.Events, new AssessmentOptions { TemplateDirectory = dir });
        var ex = await Assert.ThrowsAsync<TemplateFormatException>(() => edited.InitializeAsync());
        Assert.Contains("already published with different text", ex.Message);
        Directory.Delete(dir, true);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MaterialChange_InvalidatesApprovedAssessments_InTheSameTransaction_AndGateFactsShowIt(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var (s, system) = await SetUpAsync(db);
        await using var _ = s;
        var a = await s.Assessments.StartAsync(Alice, system.Id, null, null);
        await s.Assessments.AnswerAsync(Alice, a.Id, Answers(ScoringTests.LowRisk()));
        await s.Assessments.SubmitAsync(Alice, a.Id);
        await s.Assessments.ApproveAsync(Bob, a.Id, null);
        var draft = await s.Assessments.StartAsync(Alice, system.Id, null, null);

        var facts = new AssessmentGateFacts();
        JsonArray Facts(JsonNode node) => node.AsArray();
        await using (var connection = await db.Database.OpenAsync())
        {
            var before = Facts(await facts.CollectAsync(connection, null, system.Id, CancellationToken.None));
            Assert.Equal(2, before.Count);
            var approved = before[0]!.AsObject();
            Assert.Equal(["id", "template", "template_version", "status", "outcome", "inherent_risk", "residual_risk", "risk_tier", "required_controls",
                "submitted_by", "submitted_at", "approved_by", "approved_at", "invalidated_at", "invalidation_reason"], approved.Select(p => p.Key));
            Assert.Equal(("approved", "passed", "bob@example.com"), (approved["status"]!.GetValue<string>(), approved["outcome"]!.GetValue<string>(), approved["approved_by"]!.GetValue<string>()));
            Assert.EndsWith("Z", approved["approved_at"]!.GetValue<string>());
            Assert.Null(before[1]!["outcome"]);
        }

        await s.Systems.UpdateAsync(Alice, system.Id, new SystemUpdate(null, "another owner", null, null, null));
        Assert.Equal("approved", (await s.Assessments.GetAsync(a.Id)).Status);
        await s.Systems.UpdateAsync(Alice, system.Id, new SystemUpdate("credit decisions and collections", null, null, null, null));
        var invalidated = await s.Assessments.GetAsync(a.Id);
        Assert.Equal("invalidated", invalidated.Status);
        Assert.Contains("purpose changed", invalidated.InvalidationReason);
        Assert.Equal("draft", (await s.Assessments.GetAsync(draft.Id)).Status);
        await using (var connection = await db.Database.OpenAsync())
        {
            var after = Facts(await facts.CollectAsync(connection, null, system.Id, CancellationToken.None));
            Assert.Equal("invalidated", after[0]!["status"]!.GetValue<string>());
            Assert.Equal("bob@example.com", after[0]!["approved_by"]!.GetValue<string>());
            Assert.NotNull(after[0]!["invalidated_at"]);
        }

        await Assert.ThrowsAsync<ConflictException>(() => s.Assessments.InvalidateAsync(Bob, draft.Id, "stale"));
        await s.Assessments.AnswerAsync(Alice, draft.Id, Answers(ScoringTests.LowRisk()));
        await s.Assessments.SubmitAsync(Alice, draft.Id);
        var explicitly = await s.Assessments.InvalidateAsync(Bob, draft.Id, "model retrained on new data");
        Assert.Equal(("invalidated", "model retrained on new data"), (explicitly.Status, explicitly.InvalidationReason));
        Assert.Contains("assessment.invalidated", await TypesAsync(s));

        var page = await s.Assessments.ListAsync(system.Id, null, null, 1);
        Assert.Equal(draft.Id, Assert.Single(page.Items).Id);
        Assert.NotNull(page.NextCursor);
        Assert.Equal(a.Id, Assert.Single((await s.Assessments.ListAsync(system.Id, null, page.NextCursor, 1)).Items).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => s.Assessments.StartAsync(Alice, "no-such-system", null, null));
    }
}
