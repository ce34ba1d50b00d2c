using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Ledger;
using Steward.Governance.Policies;
using Steward.Governance.Tests.Storage;
using Steward.Policy.Values;

namespace Steward.Governance.Tests.Policies;

/// <summary>Module and data storage on both providers: versions, history, ledger entries, refusal of bad modules.</summary>
public sealed class PolicyStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");

    private const string Allow = """
        package ai_policy

        default allow := false

        allow if input.prediction.score >= 0.5
        """;

    private sealed class Stores(TestDatabase db) : IAsyncDisposable
    {
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events { get; } = new(TimeProvider.System);
        public PolicyModuleStore Modules => new(db.Database, Ledger, Events);
        public PolicyDataStore Data => new(db.Database, Ledger, Events);
        public PolicySnapshotReader Snapshots => new(db.Database);
        public LedgerReader Reader => new(db.Database);
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Module_ThatDoesNotParse_IsRefusedWithPosition_AndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var before = await s.Snapshots.RevisionAsync();
        var error = await Assert.ThrowsAsync<PolicyCompileFailedException>(() =>
            s.Modules.PutAsync(Alice, "authz/bad.rego", "package authz\n\nallow if {\n  input.x ==\n"));
        var first = Assert.Single(error.Errors);
        Assert.Equal("rego_parse_error", first.Code);
        Assert.Equal("authz/bad.rego", first.File);
        Assert.True(first.Line >= 3, $"line {first.Line}");
        Assert.Empty(await s.Modules.VersionsAsync("authz/bad.rego"));
        Assert.Equal(before, await s.Snapshots.RevisionAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Module_PutReplaceDelete_KeepsEveryVersion_AndEachIsALedgerEntry(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var v1 = await s.Modules.PutAsync(Alice, "ai.rego", Allow);
        var v2 = await s.Modules.PutAsync(Alice, "ai.rego", Allow.Replace("0.5", "0.7", StringComparison.Ordinal));
        Assert.Equal((1L, 2L), (v1.Version, v2.Version));
        Assert.Equal("ai_policy", v2.Package);
        Assert.Equal(PolicyChecks.Sha256(Allow), v1.Sha256);
        Assert.Equal(v2.Raw, (await s.Modules.GetAsync("ai.rego")).Raw);

        var deleted = await s.Modules.DeleteAsync(Alice, "ai.rego");
        Assert.True(deleted.Deleted);
        await Assert.ThrowsAsync<NotFoundException>(() => s.Modules.GetAsync("ai.rego"));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Modules.DeleteAsync(Alice, "ai.rego"));
        var history = await s.Modules.VersionsAsync("ai.rego");
        Assert.Equal([1L, 2L, 3L], history.Select(h => h.Version));
        Assert.Equal(Allow, history[0].Raw);
        Assert.Empty(await s.Modules.ListAsync());

        var entries = (await s.Reader.ListAsync(new LedgerEntryFilter(SubjectKind: "policy", SubjectId: "ai.rego"), null, 10)).Items.Reverse().ToList();
        Assert.Equal([v1.LedgerIndex, v2.LedgerIndex, deleted.LedgerIndex], entries.Select(e => e.Index));
        var leaves = entries.Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.Leaf)!).ToList();
        Assert.Equal(["policy.module.put", "policy.module.put", "policy.module.deleted"], leaves.Select(l => l["type"]!.GetValue<string>()));
        Assert.Equal(v1.Sha256, leaves[0]["data"]!["sha256"]!.GetValue<string>());
        Assert.Equal(Alice.Id, leaves[0]["actor"]!["id"]!.GetValue<string>());
        Assert.Equal(deleted.LedgerIndex, await s.Snapshots.RevisionAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Data_IsReplayedInLedgerOrder_LikeOpa(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        await s.Data.PutAsync(Alice, ["limits"], """{"score": 0.5, "old": true}""");
        await s.Data.PutAsync(Alice, ["limits", "max"], "10");
        await s.Data.PutAsync(Alice, ["users"], """["ann"]""");
        Assert.Equal("""{"limits":{"max":10,"old":true,"score":0.5},"users":["ann"]}""", Merged(await s.Snapshots.LoadAsync()));

        // A write at a parent replaces what was below it; a later child write changes only that part.
        await s.Data.PutAsync(Alice, ["limits"], """{"score": 0.9}""");
        Assert.Equal("""{"limits":{"score":0.9},"users":["ann"]}""", Merged(await s.Snapshots.LoadAsync()));
        await s.Data.DeleteAsync(Alice, ["users"]);
        Assert.Equal("""{"limits":{"score":0.9}}""", Merged(await s.Snapshots.LoadAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Data.DeleteAsync(Alice, ["users"]));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Data.PutAsync(Alice, ["x"], "{not json"));
        await Assert.ThrowsAsync<ValidationFailedException>(() => s.Data.PutAsync(Alice, [], "[1]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Module_ThatDoesNotCompileWithTheOthers_IsRefused_AndNothingIsWritten(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        await s.Modules.PutAsync(Alice, "a.rego", "package shared\n\np := 1\n");
        var before = await s.Snapshots.RevisionAsync();
        // Alone it compiles; with a.rego, p is both a complete rule and a partial set.
        var conflict = await Assert.ThrowsAsync<PolicyCompileFailedException>(() =>
            s.Modules.PutAsync(Alice, "b.rego", "package shared\n\np contains 2\n"));
        Assert.All(conflict.Errors, e => Assert.True(e.Line > 0, e.ToString()));
        var unsafeVar = await Assert.ThrowsAsync<PolicyCompileFailedException>(() =>
            s.Modules.PutAsync(Alice, "c.rego", "package c\n\nallow if {\n  x > 1\n}\n"));
        Assert.Contains(unsafeVar.Errors, e => e.Code == "rego_unsafe_var_error" && e.File == "c.rego" && e.Line == 4);
        Assert.Equal(before, await s.Snapshots.RevisionAsync());
        Assert.Equal(["a.rego"], (await s.Modules.ListAsync()).Select(m => m.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("../etc")]
    [InlineData("a b")]
    [InlineData("x\u0001")]
    public void ModuleId_Invalid_IsRefused(string id) =>
        Assert.Throws<ValidationFailedException>(() => PolicyChecks.ModuleId(id));

    [Fact]
    public void DataPath_SplitsAndRefusesEmptySegments()
    {
        Assert.Equal(["ai_policy", "allow"], PolicyChecks.DataPath("ai_policy/allow"));
        Assert.Empty(PolicyChecks.DataPath(""));
        Assert.Throws<ValidationFailedException>(() => PolicyChecks.DataPath("a//b"));
    }

    private static string Merged(PolicySnapshot snapshot) => ValueJson.Serialize(PolicyDataMerge.Merge(snapshot.Data));
}
