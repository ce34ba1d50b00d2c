using System.Text.Json.Nodes;
using Steward.Governance.Events;
using Steward.Ledger.Canonical;

namespace Steward.Governance.Tests.Events;

public sealed class LeafTemplateTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(1234567890123L)]
    public void Render_EqualsCanonicalSerializationOfTheWholeEnvelope(long index)
    {
        var evt = new EventFactory(TimeProvider.System).Create("decision.recorded", new Subject("system", "s-1"), new Actor("a", "person"),
            new JsonObject { ["id"] = "inner", ["index"] = 99, ["z"] = new JsonArray(1, "é", "\u2028"), ["a"] = new JsonObject { ["b"] = null } },
            new Dictionary<string, string> { ["ticket"] = "GOV-1", ["decision_id"] = "d" });
        var expected = CanonicalJson.Serialize(Envelope(evt, index));
        Assert.Equal(expected, new LeafTemplate(evt).Render(index));
    }

    /// <summary>The envelope as the architecture defines it, built independently of LeafTemplate.</summary>
    private static JsonObject Envelope(GovernanceEvent evt, long index)
    {
        var refs = new JsonObject();
        foreach (var (k, v) in evt.Refs) refs[k] = v;
        return new JsonObject
        {
            ["id"] = evt.Id.ToString(),
            ["index"] = index,
            ["time"] = Timestamps.Format(evt.Time),
            ["type"] = evt.Type,
            ["subject"] = new JsonObject { ["kind"] = evt.Subject.Kind, ["id"] = evt.Subject.Id },
            ["actor"] = new JsonObject { ["id"] = evt.Actor.Id, ["kind"] = evt.Actor.Kind },
            ["data"] = evt.Data.DeepClone(),
            ["refs"] = refs,
        };
    }
}
