using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Governance.Decisions;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Tests.Storage;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Tests.Domain;

/// <summary>The domain stores' SQL on both providers: every statement of every store runs here on SQLite and PostgreSQL.</summary>
public sealed class DomainStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private static readonly Actor Bob = new("bob@example.com", "person");

    private sealed class Stores(TestDatabase db) : IAsyncDisposable
    {
        public LedgerStore Ledger { get; } = new(db.Database, new LedgerOptions());
        public EventFactory Events { get; } = new(TimeProvider.System);
        public SystemStore Systems => new(db.Database, Ledger, Events);
        public ModelStore Models => new(db.Database, Ledger, Events);
        public DatasetStore Datasets => new(db.Database, Ledger, Events);
        public DecisionStore Decisions => new(db.Database, Ledger, Events);
        public ApiKeyStore ApiKeys => new(db.Database, Ledger, Events);
        public ActorKeyStore ActorKeys => new(db.Database, Ledger, Events);
        public LedgerReader Reader => new(db.Database);
        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Inventory_RegisterListGetUpdate(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("scoring", "credit", "risk@example.com", "retail", "high", null));
        var updated = await s.Systems.UpdateAsync(Alice, system.Id, new SystemUpdate(null, null, null, "limited", "active"));
        Assert.Equal(("limited", "active"), (updated.RiskTier, updated.Status));
        Assert.Equal(updated with { UpdatedAt = default }, (await s.Systems.GetAsync(system.Id)) with { UpdatedAt = default });

        var model = await s.Models.RegisterAsync(Alice, new ModelRegistration("scorer", system.Id, "ml@example.com", "gbm", "xgboost", "s3://m/1"));
        var dataset = await s.Datasets.RegisterAsync(Alice, new DatasetRegistration("loans", system.Id, "data@example.com", null, null, new string('A', 64)));
        Assert.Equal(model, await s.Models.GetAsync(model.Id));
        Assert.Equal(new string('a', 64), (await s.Datasets.GetAsync(dataset.Id)).Sha256);
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            s.Models.RegisterAsync(Alice, new ModelRegistration("orphan", "no-such-system", "o", null, null, null)));

        for (var i = 0; i < 7; i++) await s.Systems.RegisterAsync(Alice, new SystemRegistration($"s{i}", null, "o", null, "minimal", null));
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await s.Systems.ListAsync(cursor, 3);
            seen.AddRange(page.Items.Select(x => x.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(8, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Single((await s.Models.ListAsync(null, 10)).Items);
        Assert.Single((await s.Datasets.ListAsync(null, 10)).Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Decisions_RecordSignedCorrectFilter_AndRefuseSelfApproval(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        var system = await s.Systems.RegisterAsync(Alice, new SystemRegistration("scoring", null, "o", null, "high", null));

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = await s.ActorKeys.RegisterAsync(Bob, ecdsa.ExportSubjectPublicKeyInfoPem());
        var body = Body(system.Id, "approved");
        body["signature"] = new JsonObject
        {
            ["key_id"] = key.KeyId,
            ["sig"] = Convert.ToBase64String(ecdsa.SignData(CanonicalJson.Serialize(Body(system.Id, "approved")), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)),
        };
        var signed = await s.Decisions.RecordAsync(Bob, DecisionRequest.Parse(body));
        Assert.Equal("ecdsa-p256", signed.Signature!.Alg);
        await Assert.ThrowsAsync<ConflictException>(() => s.Decisions.RecordAsync(Bob, DecisionRequest.Parse((JsonObject)body.DeepClone())));

        var correction = Body(system.Id, "rejected");
        correction["supersedes"] = signed.Id;
        var corrected = await s.Decisions.RecordAsync(Bob, DecisionRequest.Parse(correction));
        Assert.Equal(signed.Id, corrected.Supersedes);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(signed, GovernanceJson.Options),
            System.Text.Json.JsonSerializer.Serialize(await s.Decisions.GetAsync(signed.Id), GovernanceJson.Options));

        var before = (await s.Reader.HeadAsync()).Size;
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Decisions.RecordAsync(Alice, DecisionRequest.Parse(Body(system.Id, "approved"))));
        Assert.Equal(before + 1, (await s.Reader.HeadAsync()).Size); // the refusal is on record
        var refusal = await s.Reader.ListAsync(new LedgerEntryFilter(Type: "decision.refused"), null, 10);
        Assert.Single(refusal.Items);

        Assert.Equal(2, (await s.Decisions.ListAsync("system", system.Id, null, null, 10)).Items.Count);
        Assert.Single((await s.Decisions.ListAsync(null, null, "ethical_review", null, 10)).Items);
        Assert.Empty((await s.Decisions.ListAsync("model", system.Id, null, null, 10)).Items);

        await s.ActorKeys.RevokeAsync(Bob, isAdmin: false, key.KeyId);
        Assert.NotNull((await s.ActorKeys.GetAsync(key.KeyId)).RevokedAt);
        Assert.Single((await s.ActorKeys.ListAsync(Bob.Id)).Items);
        Assert.Empty((await s.ActorKeys.ListAsync("nobody")).Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiKeys_CreateAuthenticateRevoke(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var s = new Stores(db);
        Assert.False(await s.ApiKeys.AnyAsync());
        var created = await s.ApiKeys.CreateAsync(Alice, "ci-bot", [Roles.Service], DateTimeOffset.UtcNow.AddDays(1));
        Assert.True(await s.ApiKeys.AnyAsync());
        Assert.Equal(created.Key.Id, (await s.ApiKeys.AuthenticateAsync(created.Secret))!.Id);
        Assert.Null(await s.ApiKeys.AuthenticateAsync(created.Secret + "x"));
        await Assert.ThrowsAsync<ConflictException>(() => s.ApiKeys.CreateAsync(Alice, "ci-bot", [Roles.Auditor], null));
        await s.ApiKeys.RevokeAsync(Alice, created.Key.Id);
        Assert.Null(await s.ApiKeys.AuthenticateAsync(created.Secret));
        Assert.NotNull((await s.ApiKeys.FindAsync(created.Key.Id))!.RevokedAt);
        Assert.Single((await s.ApiKeys.ListAsync(null, 10)).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => s.ApiKeys.RevokeAsync(Alice, created.Key.Id));
    }

    private static JsonObject Body(string systemId, string outcome) => new()
    {
        ["type"] = outcome == "approved" ? "deployment_approval" : "ethical_review",
        ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = systemId },
        ["outcome"] = outcome,
        ["rationale"] = "reviewed",
        ["risk_acknowledged"] = true,
        ["evidence"] = new JsonArray(new JsonObject { ["sha256"] = new string('b', 64) }),
        ["refs"] = new JsonObject { ["ticket"] = "GOV-1" },
    };
}
