using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>Walks a reference under <c>data</c>: rule tree nodes and base documents side by side.</summary>
    private bool EvalData(RuleNode? node, Value? baseDoc, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k)
    {
        if (_overrides is not null && node is not null && TryOverride(node.Path, out var replaced))
        {
            node = null;
            baseDoc = replaced;
        }

        if (node is null || !node.HasRules)
        {
            if (node is null)
            {
                return baseDoc is null || EvalPath(baseDoc, path, index, frame, k);
            }

            if (baseDoc is not null && node.Children.Count == 0)
            {
                return EvalPath(baseDoc, path, index, frame, k);
            }
        }

        if (node.Kind != RuleKind.None)
        {
            var value = EvalNode(node);
            if (value is not null && index < path.Length && path[index] is CVar key0 && frame[key0.Slot] is null
                && _order is not null && _order.TryGetValue(node, out var order))
            {
                // Enumerate a multi-value rule's entries in the order its rules produced them, as OPA does.
                foreach (var entry in order)
                {
                    var child = Index(value, entry);
                    if (child is null)
                    {
                        continue;
                    }

                    Bind(frame, key0.Slot, entry);
                    var r = EvalPath(child, path, index + 1, frame, k);
                    frame[key0.Slot] = null;
                    if (!r)
                    {
                        return false;
                    }
                }

                return true;
            }

            return value is null || EvalPath(value, path, index, frame, k);
        }

        if (index == path.Length)
        {
            var whole = Materialize(node, baseDoc);
            return whole is null || k(whole);
        }

        var key = path[index];
        if (key is CVar v && frame[v.Slot] is null)
        {
            foreach (var childKey in ChildKeys(node, baseDoc))
            {
                Bind(frame, v.Slot, childKey);
                var r = EvalData(ChildNode(node, childKey), IndexDoc(baseDoc, childKey), path, index + 1, frame, k);
                frame[v.Slot] = null;
                if (!r)
                {
                    return false;
                }
            }

            return true;
        }

        if (!IsEvaluable(key, frame))
        {
            foreach (var childKey in ChildKeys(node, baseDoc))
            {
                var childNode = ChildNode(node, childKey);
                var childBase = IndexDoc(baseDoc, childKey);
                if (!Unify(key, childKey, frame, DataFrom(childNode, childBase, path, index + 1, frame, k)))
                {
                    return false;
                }
            }

            return true;
        }

        return EvalTerm(key, frame, ChildThenRest(node, baseDoc, path, index, frame, k));
    }

    private Func<Value, bool> ChildThenRest(RuleNode node, Value? baseDoc, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k) => kv =>
    {
        var child = ChildNode(node, kv);
        var childBase = IndexDoc(baseDoc, kv);
        return (child is null && childBase is null) || EvalData(child, childBase, path, index + 1, frame, k);
    };

    private Func<bool> DataFrom(RuleNode? node, Value? baseDoc, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k) => () => EvalData(node, baseDoc, path, index, frame, k);

    private static Value? IndexDoc(Value? doc, Value key) => doc is null ? null : Index(doc, key);

    private static RuleNode? ChildNode(RuleNode node, Value key) =>
        key is StringValue s && node.Children.TryGetValue(s.Value, out var child) && !child.IsFunction ? child : null;

    private static List<Value> ChildKeys(RuleNode node, Value? baseDoc)
    {
        var keys = new List<Value>();
        foreach (var (name, child) in node.Children)
        {
            if (!child.IsFunction)
            {
                keys.Add(new StringValue(name));
            }
        }

        if (baseDoc is ObjectValue o)
        {
            foreach (var key in o.Keys)
            {
                if (key is not StringValue s || !node.Children.ContainsKey(s.Value))
                {
                    keys.Add(key);
                }
            }
        }

        keys.Sort(ValueComparer.Instance);
        return keys;
    }

    /// <summary>The value of a data path where no rules are defined at the node itself: base documents merged with the rules below.</summary>
    private Value? Materialize(RuleNode node, Value? baseDoc)
    {
        if (_overrides is not null && TryOverride(node.Path, out var replaced))
        {
            return replaced;
        }

        if (node.Kind != RuleKind.None)
        {
            return node.IsFunction ? null : EvalNode(node);
        }

        if (!node.HasRules && node.Children.Count == 0)
        {
            return baseDoc ?? ObjectValue.Empty;
        }

        var builder = new ObjectBuilder();
        if (baseDoc is ObjectValue o)
        {
            for (var i = 0; i < o.Count; i++)
            {
                builder.Set(o.Keys[i], o.Values[i]);
            }
        }

        foreach (var (name, child) in node.Children)
        {
            if (child.IsFunction)
            {
                continue;
            }

            var key = new StringValue(name);
            var value = Materialize(child, IndexDoc(baseDoc, key));
            if (value is not null)
            {
                builder.Set(key, value);
            }
        }

        return builder.Build();
    }

    /// <summary>The value of the rules at a node, computed once per query (and per <c>with</c> scope).</summary>
    private Value? EvalNode(RuleNode node)
    {
        if (node.Constant is not null && _overrides is null)
        {
            return node.Constant;
        }

        // The query's own cache first: a shared value, once fetched, is kept there too (a lookup in the
        // shared table costs a hash and a lock-free read; the array costs an index).
        _cache ??= new(_policy.Tree.NodeCount);
        if (_cache.TryGetValue(node, out var cached))
        {
            return ReferenceEquals(cached, InProgress)
                ? throw new RegoEvalException(ErrorCodes.Recursion, $"rule {node.DottedPath} is recursive")
                : ReferenceEquals(cached, Undefined) ? null : cached;
        }

        var shared = node.IsDataConstant && _overrides is null && _mocks is null ? SharedFor(_data) : null;
        if (shared is not null && shared.Values.TryGetValue(node, out var sharedValue))
        {
            if (sharedValue.Order is not null)
            {
                (_order ??= new(_policy.Tree.NodeCount))[node] = sharedValue.Order;
            }

            _cache[node] = sharedValue.Value;
            return ReferenceEquals(sharedValue.Value, Undefined) ? null : sharedValue.Value;
        }

        // The marker stays if evaluation throws; the whole query fails then anyway.
        _cache[node] = InProgress;
        var value = node.Kind switch
        {
            RuleKind.Complete => EvalComplete(node),
            RuleKind.PartialSet => EvalMulti(node, set: true),
            RuleKind.PartialObject => EvalMulti(node, set: false),
            _ => null,
        };

        if (value is not null && _overrides is not null)
        {
            value = ApplyNestedOverrides(node.Path, value);
        }

        _cache[node] = value ?? Undefined;
        shared?.Values.TryAdd(node, new SharedValue(value ?? Undefined, _order is not null && _order.TryGetValue(node, out var produced) ? produced : null));
        return value;
    }

    /// <summary>The shared values of data-constant rules for a data document, looked up once per query and document.</summary>
    private SharedTable SharedFor(Value data)
    {
        if (_shared is null || !ReferenceEquals(_sharedFor, data))
        {
            _shared = (_options.StrictBuiltinErrors ? _policy.StrictSharedValues : _policy.SharedValues).GetValue(data, _policy.NewSharedTable);
            _sharedFor = data;
        }

        return _shared;
    }

    private Value? EvalComplete(RuleNode node)
    {
        Value? result = null;
        foreach (var rule in Candidates(node))
        {
            var value = EvalRuleChain(rule);
            if (value is null)
            {
                continue;
            }

            if (result is not null && !result.Equals(value))
            {
                throw Conflict("complete rules must not produce multiple outputs");
            }

            result = value;
        }

        if (result is null && node.Default is not null)
        {
            result = EvalRuleChain(node.Default);
        }

        return result;
    }

    /// <summary>
    /// The value of a complete rule: its first body that holds, following <c>else</c>. A body whose literals all
    /// compiled runs straight, without the collector, unless it hands over to the interpreter part-way.
    /// </summary>
    private Value? EvalRuleChain(CRule rule)
    {
        for (var r = rule; r is not null; r = r.Else)
        {
            var frame = RentFrame(r.SlotCount);
            Value? value;
            if (r.InlineBody)
            {
                var mark = _inlineTop;
                try
                {
                    value = RunStraight(r, frame, out var handOver);
                    if (handOver >= 0)
                    {
                        value = CollectRuleBody(r, frame, handOver);
                    }
                }
                finally
                {
                    // The frame is cleared as it goes back to the pool: only the inline stack needs resetting.
                    _inlineTop = mark;
                }
            }
            else
            {
                value = CollectRuleBody(r, frame, -1);
            }

            ReturnFrame(frame);
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// A complete rule's body with a collector: the whole body (<paramref name="from"/> -1), or the interpreter's
    /// continuation of a straight run from literal <paramref name="from"/>. Null when it produced no value.
    /// </summary>
    private Value? CollectRuleBody(CRule rule, Value?[] frame, int from)
    {
        var collector = RentChainCollector();
        try
        {
            collector.Start(rule, frame);
            if (from < 0)
            {
                RunBody(rule, frame, collector.OnBody, collector.OnValue);
            }
            else
            {
                EvalBody(rule.Body, from, frame, collector.OnBody);
            }

            return collector.Any ? collector.Value : null;
        }
        finally
        {
            collector.Clear();
            _chainDepth--;
        }
    }

    /// <summary>Partial sets and objects (including rules with dynamic head references): every solution adds an entry.</summary>
    private Value EvalMulti(RuleNode node, bool set)
    {
        if (_multiDepth == _multiCollectors.Length)
        {
            Array.Resize(ref _multiCollectors, Math.Max(4, _multiCollectors.Length * 2));
        }

        // The collector (and its document builder) stays taken until the document is built: merging the rules
        // below may evaluate other multi-value rules, which take the next level.
        var collector = _multiCollectors[_multiDepth++] ??= new MultiCollector(this);
        var root = collector.Begin(set);
        try
        {
            // One frame for all the rules instead of a rent and return per rule.
            var frame = RentFrame(node.MaxSlotCount);
            foreach (var rule in Candidates(node))
            {
                if (rule.GuardId >= 0 && GuardFails(rule, frame))
                {
                    continue;
                }

                if (rule.SlotCount > frame.Length)
                {
                    ReturnFrame(frame);
                    frame = RentFrame(rule.SlotCount);
                }

                collector.Start(rule, frame);
                if (rule.LoopBody)
                {
                    RunLoops(rule.Body, 0, collector.Frame, collector.OnSolution);
                }
                else
                {
                    EvalBody(rule.Body, 0, collector.Frame, collector.OnSolution);
                }
                collector.Finish();
            }

            ReturnFrame(frame);

            var merged = false;
            foreach (var (name, child) in node.Children)
            {
                if (child.IsFunction || !child.HasRules)
                {
                    continue;
                }

                var value = Materialize(child, null);
                if (value is not null && !root.Merge(new StringValue(name), value))
                {
                    throw Conflict("object keys must be unique");
                }

                merged = true;
            }

            if (!merged && root.Order.Length > 1)
            {
                (_order ??= new(_policy.Tree.NodeCount))[node] = [.. root.Order];
            }

            return root.Build();
        }
        finally
        {
            collector.Clear();
            _multiDepth--;
        }
    }

    /// <summary>
    /// Whether a rule's data guard (its first literal, which reads only base documents) fails for this query's
    /// data: decided by the first query over that data document and shared with the later ones, so a rule
    /// switched off by configuration (<c>count(config.allowed_models) > 0</c>) costs one array read.
    /// </summary>
    private bool GuardFails(CRule rule, Value?[] frame)
    {
        if (_overrides is not null || _mocks is not null)
        {
            return false;
        }

        var guards = SharedFor(_data).Guards;
        var state = guards[rule.GuardId];
        if (state == 0)
        {
            // The literal binds no variable, so any frame serves. An error propagates, as from the body itself;
            // a literal that needs the interpreter counts as holding (the body then runs as usual).
            var inline = rule.Body[0].Inline;
            state = inline is not null && inline(this, frame) == Inline.Fail ? SharedTable.GuardFails : SharedTable.GuardHolds;
            guards[rule.GuardId] = state;
        }

        return state == SharedTable.GuardFails;
    }

    /// <summary>The node's rules that may hold for the current input (all of them when the node has no index).</summary>
    private List<CRule> Candidates(RuleNode node)
    {
        if (node.Index is not { } index)
        {
            return node.Rules;
        }

        var value = _input;
        foreach (var key in index.Path)
        {
            value = value is ObjectValue o ? o.Get(key) : null;
            if (value is null)
            {
                break;
            }
        }

        return index.Candidates(value);
    }

    private bool TryOverride(string[] path, out Value value)
    {
        foreach (var (p, v) in _overrides!)
        {
            if (p.AsSpan().SequenceEqual(path))
            {
                value = v;
                return true;
            }
        }

        value = null!;
        return false;
    }

    private Value ApplyNestedOverrides(string[] nodePath, Value value)
    {
        foreach (var (p, v) in _overrides!)
        {
            if (p.Length > nodePath.Length && p.AsSpan(0, nodePath.Length).SequenceEqual(nodePath))
            {
                value = Documents.Upsert(value, p.AsSpan(nodePath.Length), v);
            }
        }

        return value;
    }

    /// <summary>The rule node that the walk of <see cref="TryEvalDataSingle"/> reaches through constant keys, if any.</summary>
    private RuleTarget ResolveRuleTarget(CTerm[] path)
    {
        var node = _policy.Tree.Root;
        for (var i = 0; i < path.Length; i++)
        {
            if (node.Kind != RuleKind.None)
            {
                return new RuleTarget(node, i);
            }

            if (path[i] is not CConst { Value: var key } || ChildNode(node, key) is not { } child)
            {
                return RuleTarget.None;
            }

            node = child;
            if (!node.HasRules && node.Children.Count == 0)
            {
                return RuleTarget.None;
            }
        }

        return node.Kind != RuleKind.None ? new RuleTarget(node, path.Length) : RuleTarget.None;
    }

    /// <summary>A single-valued walk under data for the common case of constant keys.</summary>
    private bool TryEvalDataSingle(CRef r, Value?[] frame, out Value? value, out int consumed)
    {
        if (_overrides is null && (r.RuleTarget ??= ResolveRuleTarget(r.Path)).Node is { } target)
        {
            // The walk below would reach this rule node whatever the data: skip the lookups on the way.
            value = target.IsFunction ? null : EvalNode(target);
            consumed = r.RuleTarget.Consumed;
            return true;
        }

        RuleNode? node = _policy.Tree.Root;
        Value? baseDoc = _data;
        var path = r.Path;
        var i = 0;
        for (; i < path.Length; i++)
        {
            if (_overrides is not null)
            {
                value = null;
                consumed = 0;
                return false;
            }

            if (node.Kind != RuleKind.None)
            {
                value = node.IsFunction ? null : EvalNode(node);
                consumed = i;
                return true;
            }

            if (path[i] is not CConst { Value: var key })
            {
                value = null;
                consumed = 0;
                return false;
            }

            var child = ChildNode(node, key);
            baseDoc = IndexDoc(baseDoc, key);
            if (child is null)
            {
                value = baseDoc;
                consumed = i + 1;
                return true;
            }

            node = child;
            if (!node.HasRules && node.Children.Count == 0)
            {
                value = baseDoc ?? (i + 1 == path.Length ? ObjectValue.Empty : null);
                consumed = i + 1;
                return true;
            }
        }

        value = node.Kind != RuleKind.None ? (node.IsFunction ? null : EvalNode(node)) : Materialize(node, baseDoc);
        consumed = path.Length;
        return true;
    }
}
