using System.Text.Json.Nodes;
using Steward.Governance.Policies;
using Steward.Governance.Tests.Storage;

namespace Steward.Governance.Tests.Policies;

/// <summary>The decision log on both providers: derived outcome, endpoint, consecutive violations, paging and filters.</summary>
public sealed class DecisionLogStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConsecutiveViolations_CountPerEndpoint_AndAnAllowResets(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        var log = new DecisionLogStore(db.Database, TimeProvider.System);
        var deny = JsonNode.Parse("""{"allow": false, "deny": ["score too low"]}""");
        var stored = await log.AppendAsync(
        [
            Entry("a", deny), Entry("a", deny), Entry("b", deny), Entry("a", JsonValue.Create(false)),
            Entry("a", null, error: "eval_cancel_error: timeout"), Entry("a", JsonValue.Create(true)), Entry("a", deny),
        ]);
        Assert.Equal([1L, 2L, 1L, 3L, 3L, 0L, 1L], stored.Select(d => d.ConsecutiveViolations));
        Assert.Equal([false, false, false, false, null, true, false], stored.Select(d => d.Allowed));

        // A later write (another request, another process) continues the count.
        var next = await log.AppendAsync([Entry("a", deny)]);
        Assert.Equal(2L, next[0].ConsecutiveViolations);

        var page = await log.ListAsync("a", false, null, null, 2);
        Assert.Equal([next[0].Seq, stored[6].Seq], page.Items.Select(d => d.Seq));
        Assert.NotNull(page.NextCursor);
        var rest = await log.ListAsync("a", false, null, page.NextCursor, 50);
        Assert.Equal(3, rest.Items.Count);
        Assert.Equal(["score too low"], page.Items[0].DenyReasons);
        Assert.Single((await log.ListAsync("b", null, null, null, null)).Items);
        Assert.Equal("a", (await log.FindAsync(stored[0].DecisionId)).Single().Endpoint);
        Assert.Equal("timeout", (await log.ListAsync("a", null, null, null, 50)).Items.Single(d => d.Error is not null).Error![^7..]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentWriters_CountEveryViolationOnce(string provider)
    {
        await using var db = await TestDatabases.CreateAsync(provider);
        // Two stores stand for two server processes; each event is its own transaction.
        var logs = new[] { new DecisionLogStore(db.Database, TimeProvider.System), new DecisionLogStore(db.Database, TimeProvider.System) };
        var deny = JsonNode.Parse("""{"deny": ["no"]}""");
        var written = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => logs[i % 2].AppendAsync([Entry("hot", deny)]))));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), written.Select(w => w[0].ConsecutiveViolations).Order());
        var page = await logs[0].ListAsync("hot", null, null, null, 1);
        Assert.Equal(40L, page.Items[0].ConsecutiveViolations);
    }

    [Theory]
    [InlineData("true", true, new string[0])]
    [InlineData("false", false, new string[0])]
    [InlineData("""{"allow": true}""", true, new string[0])]
    [InlineData("""{"allow": false}""", false, new string[0])]
    [InlineData("""{"deny": []}""", true, new string[0])]
    [InlineData("""{"deny": ["a", {"msg": "b"}, 3]}""", false, new[] { "a", "b", "3" })]
    [InlineData("""{"allow": true, "deny": ["x"]}""", false, new[] { "x" })]
    [InlineData("""{"other": 1}""", null, new string[0])]
    [InlineData("42", null, new string[0])]
    public void Outcome_IsDerivedFromTheResult(string result, bool? allowed, string[] reasons)
    {
        var outcome = DecisionOutcome.Derive(JsonNode.Parse(result), failed: false);
        Assert.Equal(allowed, outcome.Allowed);
        Assert.Equal(reasons, outcome.DenyReasons);
    }

    [Fact]
    public void Endpoint_PrefersInputThenLabelThenPath()
    {
        var labels = new Dictionary<string, string> { ["endpoint"] = "from-label" };
        Assert.Equal("from-input", DecisionOutcome.Endpoint(JsonNode.Parse("""{"endpoint": "from-input"}"""), labels, "p/q"));
        Assert.Equal("from-label", DecisionOutcome.Endpoint(JsonNode.Parse("""{"endpoint": 5}"""), labels, "p/q"));
        Assert.Equal("p/q", DecisionOutcome.Endpoint(null, new Dictionary<string, string>(), "p/q"));
    }

    private static DecisionLogEntry Entry(string endpoint, JsonNode? result, string? error = null) => new(
        Guid.NewGuid().ToString(), "ai_policy/decision", new JsonObject { ["endpoint"] = endpoint }, result, DateTimeOffset.UtcNow,
        new Dictionary<string, string>(), "tester", null, DecisionSource.Server, error);
}
