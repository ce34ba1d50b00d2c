using System.Text.Json.Nodes;
using Steward.Governance.Errors;
using Steward.Governance.Events;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Ledger.Canonical;
using Steward.Ledger.Merkle;

namespace Steward.Governance.Tests.Storage;

/// <summary>The storage suite: the same behaviour on SQLite and PostgreSQL.</summary>
public sealed class LedgerStoreTests
{
    private static readonly Actor Alice = new("alice@example.com", "person");
    private readonly EventFactory _events = new(TimeProvider.System);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Append_AssignsConsecutiveIndices_UnderConcurrency(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var tasks = Enumerable.Range(0, 300).Select(i => ledger.AppendAsync(Event(i))).ToList();
        var indices = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), indices.Order());

        var reader = new LedgerReader(db.Database);
        var (size, root) = await reader.HeadAsync();
        Assert.Equal(300, size);
        Assert.Equal(await RecomputeRootAsync(reader, size), root);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Leaf_IsCanonicalEnvelopeWithItsIndex(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        await ledger.AppendAsync(Event(0));
        var index = await ledger.AppendAsync(Event(1));
        var entry = await new LedgerReader(db.Database).GetAsync(index);
        Assert.True(CanonicalJson.IsCanonical(entry.Leaf));
        var envelope = JsonNode.Parse(entry.Leaf)!.AsObject();
        Assert.Equal(1, envelope["index"]!.GetValue<long>());
        Assert.Equal("test.event", envelope["type"]!.GetValue<string>());
        Assert.Equal(Alice.Id, envelope["actor"]!["id"]!.GetValue<string>());
        Assert.Equal(MerkleHash.HashLeaf(entry.Leaf), entry.LeafHash);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Proofs_FromStoredLevels_VerifyAgainstRoots(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions { MaxBatch = 7 });
        var roots = new Dictionary<long, byte[]>();
        var mirrored = new LedgerReader(db.Database);
        var stored = new LedgerReader(db.Database, proofCacheLeaves: 0);
        for (var i = 0; i < 37; i++)
        {
            await ledger.AppendAsync(Event(i));
            roots[i + 1] = (await stored.HeadAsync()).Root;
            if (i is 3 or 20) await mirrored.InclusionProofAsync(0, i + 1); // the mirror fills as the tree grows
        }
        foreach (var (size, reader) in new long[] { 1, 2, 5, 8, 16, 17, 37 }.SelectMany(s => new[] { (s, mirrored), (s, stored) }))
        {
            for (long index = 0; index < size; index++)
            {
                var proof = await reader.InclusionProofAsync(index, size);
                var entry = await reader.GetAsync(index);
                Assert.Equal(entry.LeafHash, proof.LeafHash);
                Assert.True(MerkleVerifier.VerifyInclusion(index, size, entry.LeafHash, proof.Hashes, roots[size]), $"inclusion {index} in {size}");
            }
            foreach (var from in new long[] { 1, 3, 4, size })
            {
                if (from > size) continue;
                var proof = await reader.ConsistencyProofAsync(from, size);
                Assert.True(MerkleVerifier.VerifyConsistency(from, size, proof.Hashes, roots[from], roots[size]), $"consistency {from}->{size}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FailingDomainWrite_ConsumesNoIndex_AndLeavesOthersInBatch(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        await using var ledger = new LedgerStore(db.Database, new LedgerOptions());
        var systems = new SystemStore(db.Database, ledger, _events);
        var tasks = Enumerable.Range(0, 20)
            .Select(i => systems.RegisterAsync(Alice, new SystemRegistration(i % 2 == 0 ? "same-name" : $"system-{i}", "p", "o", "u", "high", null)))
            .ToList();
        var outcomes = await Task.WhenAll(tasks.Select(async t => { try { return (await t).LedgerIndex; } catch (ConflictException) { return -1; } }));
        Assert.Equal(9, outcomes.Count(i => i < 0));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), outcomes.Where(i => i >= 0).Order());
        var page = await systems.ListAsync(null, 100);
        Assert.Equal(11, page.Items.Count);
        Assert.Single(page.Items, s => s.Name == "same-name");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoSequencers_OnOneDatabase_ProduceOneGapFreeLog(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        // A second sequencer over its own connection pool: what a second server process does.
        await using var second = provider == "sqlite"
            ? (Steward.Governance.Storage.StewardDatabase)new Steward.Governance.Storage.SqliteDatabase(Steward.Governance.Storage.SqliteDatabase.FileIn(db.DataDirectory))
            : new Steward.Governance.Storage.PostgresDatabase(db.ConnectionString);
        await using var ledgerA = new LedgerStore(db.Database, new LedgerOptions { MaxBatch = 16 });
        await using var ledgerB = new LedgerStore(second, new LedgerOptions { MaxBatch = 16 });
        var tasks = Enumerable.Range(0, 400).Select(i => (i % 2 == 0 ? ledgerA : ledgerB).AppendAsync(Event(i))).ToList();
        var indices = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), indices.Order());
        var reader = new LedgerReader(db.Database);
        var (size, root) = await reader.HeadAsync();
        Assert.Equal(400, size);
        Assert.Equal(await RecomputeRootAsync(reader, size), root);
    }

    private GovernanceEvent Event(int i) =>
        _events.Create("test.event", new Subject("system", $"s{i}"), Alice, new JsonObject { ["n"] = i, ["pad"] = new string('x', 100) });

    private static async Task<byte[]> RecomputeRootAsync(LedgerReader reader, long size)
    {
        var frontier = MerkleFrontier.Empty();
        for (long i = 0; i < size; i++)
        {
            var entry = await reader.GetAsync(i);
            Assert.Equal(i, JsonNode.Parse(entry.Leaf)!["index"]!.GetValue<long>());
            frontier.Append(MerkleHash.HashLeaf(entry.Leaf), null);
        }
        return frontier.Root();
    }
}
