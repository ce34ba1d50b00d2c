using System.Collections.Concurrent;
using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>A data-constant rule's value shared between queries, with the order its entries were produced in.</summary>
/// <param name="Value">The value, or the evaluator's undefined marker.</param>
/// <param name="Order">For multi-value rules, the top-level keys in production order; otherwise null.</param>
internal sealed record SharedValue(Value Value, IReadOnlyList<Value>? Order);

/// <summary>
/// What evaluations over one base-document object share: the values of data-constant rules, and the outcomes of
/// data guards (a multi-value rule's first literal when it depends only on base documents, see
/// <see cref="CRule.GuardId"/>): 0 not yet known, 1 holds (or could not be decided alone), 2 fails.
/// </summary>
/// <param name="guards">The number of guards the policy numbered.</param>
internal sealed class SharedTable(int guards)
{
    public const byte GuardHolds = 1;
    public const byte GuardFails = 2;

    public ConcurrentDictionary<RuleNode, SharedValue> Values { get; } = new();

    /// <summary>Guard outcomes by <see cref="CRule.GuardId"/>; concurrent writers store the same outcome, so plain stores suffice.</summary>
    public byte[] Guards { get; } = new byte[guards];
}
