using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Support;

/// <summary>A policy that needs far more than 50 ms: nine million additions over a 3,000-item list (seconds without a limit).</summary>
public static class SlowPolicy
{
    public const string Text = """
        package ai_policy

        deny contains "slow: done" if {
            some x in data.items
            some y in data.items
            x + y < 0
        }
        """;

    public static Value Data => ObjectValue.From([KeyValuePair.Create("items", (Value)ArrayValue.From(Enumerable.Range(0, 3000).Select(i => (Value)NumberValue.Of(i))))]);
}
