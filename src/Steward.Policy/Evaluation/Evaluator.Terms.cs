using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>Enumerates the values of a term (several when it iterates unbound reference keys).</summary>
    private bool EvalTerm(CTerm term, Value?[] frame, Func<Value, bool> k)
    {
        switch (term)
        {
            case CConst c:
                return k(c.Value);
            case CVar v:
                return k(frame[v.Slot] ?? throw Unsafe(v));
            case CRef r:
                return EvalRef(r, frame, k);
            case CCall c:
                return EvalCall(c, frame, k);
            case CArray or CSet or CObject:
                return EvalCollection(term, frame, k);

            case CComprehension c:
                return k(EvalComprehension(c, frame));
            default:
                throw new InvalidOperationException("Unknown term " + term.GetType().Name);
        }
    }

    // Methods that build continuations are kept apart from the fast paths that need none: a lambda capturing a
    // method's parameters makes C# allocate its closure on entry to that method, whichever path runs.
    private bool EvalCollection(CTerm term, Value?[] frame, Func<Value, bool> k)
    {
        switch (term)
        {
            case CArray a:
                return EvalItems(a.Items, 0, new Value[a.Items.Length], frame, items => k(new ArrayValue([.. items])));
            case CSet s:
                return EvalItems(s.Items, 0, new Value[s.Items.Length], frame, items => k(SetValue.From(items)));
            default:
            {
                var o = (CObject)term;
                var all = new CTerm[o.Keys.Length * 2];
                o.Keys.CopyTo(all, 0);
                o.Values.CopyTo(all, o.Keys.Length);
                return EvalItems(all, 0, new Value[all.Length], frame, items =>
                {
                    var builder = new ObjectBuilder();
                    for (var i = 0; i < o.Keys.Length; i++)
                    {
                        builder.Set(items[i], items[o.Keys.Length + i]);
                    }

                    return k(builder.Build());
                });
            }
        }
    }

    /// <summary>
    /// Evaluates a term that cannot iterate without allocating continuations. Returns false when the term
    /// may produce several values (the caller then enumerates); otherwise <paramref name="value"/> is the
    /// value or null for undefined.
    /// </summary>
    private bool TryEvalSingle(CTerm term, Value?[] frame, out Value? value)
    {
        var compiled = term.Single;
        return compiled is not null ? compiled(this, frame, out value) : TryEvalSingleInterpreted(term, frame, out value);
    }

    /// <summary>The interpreter's <see cref="TryEvalSingle"/>, for terms without a compiled form.</summary>
    private bool TryEvalSingleInterpreted(CTerm term, Value?[] frame, out Value? value)
    {
        switch (term)
        {
            case CConst c:
                value = c.Value;
                return true;
            case CVar v:
                value = frame[v.Slot] ?? throw Unsafe(v);
                return true;
            case CRef r:
                return TryEvalRefSingle(r, frame, out value);
            case CArray a:
            {
                if (!TryEvalAllSingle(a, a.Items, frame, out var items))
                {
                    value = null;
                    return false;
                }

                value = items is null ? null : new ArrayValue(items);
                return true;
            }

            case CSet s:
            {
                if (!TryEvalAllSingle(s, s.Items, frame, out var items))
                {
                    value = null;
                    return false;
                }

                value = items is null ? null : SetValue.FromOwned(items, items.Length);
                return true;
            }
            case CComprehension comprehension when !MayPrint(comprehension):
                // A comprehension has exactly one value (possibly an empty collection). Callers may evaluate a
                // term again after a speculative attempt, so only when nothing inside can print.
                value = EvalComprehension(comprehension, frame);
                return true;
            case CCall l when SpecialBuiltins.IsLogic(l.Builtin) && _mocks is null:
                return TryEvalLogic(l, frame, out value);
            case CCall { Function: not null } f when _mocks is null:
                return TryCallSingle(f, frame, out value);
            case CCall c when c.Builtin is { Function: not null } && c.Builtin != SpecialBuiltins.Print && _mocks is null:
                return TryCallSingle(c, frame, out value);
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// <c>and</c>/<c>or</c>/<c>not</c> over operands that each have one value (a solution set or a nested result),
    /// evaluated left to right and only as far as needed: <c>or</c> stops at an operand that holds, <c>and</c> at one
    /// that fails. False when an operand cannot be evaluated as one value (the interpreter then evaluates the call).
    /// </summary>
    private bool TryEvalLogic(CCall c, Value?[] frame, out Value? value)
    {
        value = null;
        if (!TryEvalSingle(c.Args[0], frame, out var first) || first is null)
        {
            return false;
        }

        var holds = SpecialBuiltins.Holds(first);
        if (ReferenceEquals(c.Builtin, SpecialBuiltins.LogicNot))
        {
            value = BooleanValue.Of(!holds);
            return true;
        }

        if (holds == ReferenceEquals(c.Builtin, SpecialBuiltins.LogicOr))
        {
            value = BooleanValue.Of(holds);
            return true;
        }

        if (!TryEvalSingle(c.Args[1], frame, out var second) || second is null)
        {
            return false;
        }

        value = BooleanValue.Of(SpecialBuiltins.Holds(second));
        return true;
    }

    /// <summary>
    /// A call of a function or built-in whose arguments each have one value. Arguments live in a per-evaluation
    /// stack of slots (nested calls take the slots above ours), so a call allocates no argument array.
    /// </summary>
    private bool TryCallSingle(CCall c, Value?[] frame, out Value? value)
    {
        if (SpeculationUnsafe(c))
        {
            value = null;
            return false;
        }

        var n = c.Args.Length;
        var start = _scratchTop;
        if (start + n > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(Math.Max(8, _scratch.Length * 2), start + n));
        }

        _scratchTop = start + n;
        try
        {
            for (var i = 0; i < n; i++)
            {
                if (!TryEvalSingle(c.Args[i], frame, out var arg))
                {
                    value = null;
                    return false;
                }

                if (arg is null)
                {
                    value = null;
                    return true;
                }

                Bind(_scratch, start + i, arg);
            }

            // A nested call may grow the stack into a new array; this span still reads ours.
            var args = _scratch.AsSpan(start, n);
            value = c.Function is not null ? CallFunction(c.Function, args) : CallBuiltin(c, args);
            return true;
        }
        finally
        {
            // One to three slots as a rule: a loop is cheaper than a call to the general clear.
            var scratch = _scratch;
            for (var i = start; i < start + n; i++)
            {
                scratch[i] = null!;
            }

            _scratchTop = start;
        }
    }

    /// <summary>Evaluates terms that each have one value; <paramref name="values"/> is null when one is undefined.</summary>
    private bool TryEvalAllSingle(CTerm collection, CTerm[] terms, Value?[] frame, out Value[]? values)
    {
        if (SpeculationUnsafe(collection))
        {
            values = null;
            return false;
        }

        var result = new Value[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            // An unbound variable makes the collection a pattern: the caller unifies instead.
            if ((terms[i] is CVar v && frame[v.Slot] is null) || !TryEvalSingle(terms[i], frame, out var item))
            {
                values = null;
                return false;
            }

            if (item is null)
            {
                values = null;
                return true;
            }

            result[i] = item;
        }

        values = result;
        return true;
    }

    private bool TryEvalRefSingle(CRef r, Value?[] frame, out Value? value)
    {
        if (r.Root == RefRoot.Data && _overrides is null && _mocks is null && IsDataConstantRef(r))
        {
            // Settings read from data (data.config.x.limit, or a rule computed from data alone): the value is the
            // same for every query over this data document, so it is computed once per document.
            if (TryMemo(r, out value))
            {
                return true;
            }

            if (!TryEvalRefWalk(r, frame, out value))
            {
                return false;
            }

            r.Memo = new DataMemo(_data, value, _options.StrictBuiltinErrors);
            return true;
        }

        return TryEvalRefWalk(r, frame, out value);
    }

    /// <summary>The memo of a data-constant reference, when it was computed for this data and strictness.</summary>
    private bool TryMemo(CRef r, out Value? value)
    {
        if (r.Memo is { } memo && ReferenceEquals(memo.Data, _data) && memo.Strict == _options.StrictBuiltinErrors)
        {
            value = memo.Value;
            return true;
        }

        value = null;
        return false;
    }

    private bool IsDataConstantRef(CRef r)
    {
        var state = r.DataConstantState;
        if (state == 0)
        {
            r.DataConstantState = state = DataConstantPath(r.Path) ? 2 : 1;
        }

        return state == 2;
    }

    /// <summary>
    /// Whether a path under <c>data</c> has constant keys and reaches only base documents or the value of a
    /// data-constant rule (then nothing it reads depends on input, the clock or <c>print</c>).
    /// </summary>
    private bool DataConstantPath(CTerm[] path)
    {
        foreach (var element in path)
        {
            if (element is not CConst)
            {
                return false;
            }
        }

        var node = _policy.Tree.Root;
        foreach (var element in path)
        {
            var key = ((CConst)element).Value;
            if (node.Kind != Compilation.RuleKind.None)
            {
                return node.IsDataConstant;
            }

            if (key is not StringValue s || !node.Children.TryGetValue(s.Value, out var child))
            {
                return true;
            }

            node = child;
        }

        return node.Kind != Compilation.RuleKind.None ? node.IsDataConstant : !node.HasRules;
    }

    private bool TryEvalRefWalk(CRef r, Value?[] frame, out Value? value)
    {
        if (SpeculationUnsafe(r))
        {
            value = null;
            return false;
        }

        Value? current;
        var path = r.Path;
        var start = 0;
        switch (r.Root)
        {
            case RefRoot.Input:
                current = _input;
                break;
            case RefRoot.Term:
                if (!TryEvalSingle(r.Head!, frame, out current))
                {
                    value = null;
                    return false;
                }

                break;
            default:
                if (!TryEvalDataSingle(r, frame, out current, out start))
                {
                    value = null;
                    return false;
                }

                break;
        }

        return TryIndexPath(current, path, start, frame, out value);
    }

    /// <summary>
    /// Indexes <paramref name="current"/> by the single-valued keys <paramref name="path"/>[<paramref name="start"/>..]:
    /// undefined (null) once a key misses; false when a key is an unbound variable or has no single value.
    /// </summary>
    private bool TryIndexPath(Value? current, CTerm[] path, int start, Value?[] frame, out Value? value)
    {
        for (var i = start; i < path.Length && current is not null; i++)
        {
            Value? key;
            if (path[i] is CConst constantKey)
            {
                key = constantKey.Value;
            }
            else if (path[i] is CVar kv)
            {
                key = frame[kv.Slot];
                if (key is null)
                {
                    value = null;
                    return false;
                }
            }
            else if (!TryEvalSingle(path[i], frame, out key))
            {
                value = null;
                return false;
            }

            current = key is null ? null : Index(current, key);
        }

        value = current;
        return true;
    }

    private bool EvalItems(CTerm[] items, int index, Value[] buffer, Value?[] frame, Func<Value[], bool> k)
    {
        if (index == items.Length)
        {
            return k(buffer);
        }

        if (TryEvalSingle(items[index], frame, out var single))
        {
            if (single is null)
            {
                return true;
            }

            buffer[index] = single;
            return EvalItems(items, index + 1, buffer, frame, k);
        }

        return EvalTerm(items[index], frame, ItemThenRest(items, index, buffer, frame, k));
    }

    private Func<Value, bool> ItemThenRest(CTerm[] items, int index, Value[] buffer, Value?[] frame, Func<Value[], bool> k) => v =>
    {
        buffer[index] = v;
        return EvalItems(items, index + 1, buffer, frame, k);
    };

    private bool EvalRef(CRef r, Value?[] frame, Func<Value, bool> k)
    {
        switch (r.Root)
        {
            case RefRoot.Input:
                return _input is null || EvalPath(_input, r.Path, 0, frame, k);
            case RefRoot.Data:
                return EvalData(_policy.Tree.Root, _data, r.Path, 0, frame, k);
            default:
                return EvalTerm(r.Head!, frame, PathFrom(r.Path, 0, frame, k));
        }
    }

    private Func<Value, bool> PathFrom(CTerm[] path, int index, Value?[] frame, Func<Value, bool> k) => head => EvalPath(head, path, index, frame, k);

    private bool EvalPath(Value current, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k)
    {
        if (index == path.Length)
        {
            return k(current);
        }

        var key = path[index];
        if ((key is CVar v && frame[v.Slot] is null) || !IsEvaluable(key, frame))
        {
            return EvalPathIterating(current, path, index, frame, k);
        }

        if (TryEvalSingle(key, frame, out var single))
        {
            if (single is null)
            {
                return true;
            }

            var child = Index(current, single);
            return child is null || EvalPath(child, path, index + 1, frame, k);
        }

        return EvalTerm(key, frame, IndexThenRest(current, path, index, frame, k));
    }

    private Func<Value, bool> IndexThenRest(Value current, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k) => kv =>
    {
        var child = Index(current, kv);
        return child is null || EvalPath(child, path, index + 1, frame, k);
    };

    private bool EvalPathIterating(Value current, CTerm[] path, int index, Value?[] frame, Func<Value, bool> k)
    {
        var key = path[index];
        if (key is CVar v && frame[v.Slot] is null)
        {
            return IterateChildren(current, frame, v.Slot, (_, child) => EvalPath(child, path, index + 1, frame, k));
        }

        // A pattern key such as [x, _]: unify it with each key of the collection.
        return IterateEntries(current, (entryKey, child) => Unify(key, entryKey, frame, () => EvalPath(child, path, index + 1, frame, k)));
    }

    /// <summary>Binds a slot to each key of a collection in turn.</summary>
    private static bool IterateChildren(Value current, Value?[] frame, int slot, Func<Value, Value, bool> k)
    {
        var result = IterateEntries(current, (key, child) =>
        {
            Bind(frame, slot, key);
            var r = k(key, child);
            frame[slot] = null;
            return r;
        });
        return result;
    }

    private static bool IterateEntries(Value current, Func<Value, Value, bool> k)
    {
        switch (current)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!k(NumberValue.Of(i), a[i]))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (!k(o.Keys[i], o.Values[i]))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue s:
                foreach (var item in s.ItemArray)
                {
                    if (!k(item, item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    internal static Value? Index(Value current, Value key)
    {
        switch (current)
        {
            case ObjectValue o:
                return o.Get(key);
            case ArrayValue a:
                return key is NumberValue { IsFloatLiteral: false } n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count ? a[(int)i] : null;
            case SetValue s:
                return s.Contains(key) ? key : null;
            default:
                return null;
        }
    }

    /// <summary>Whether every variable the term needs is bound now (unbound reference keys iterate, so they count as evaluable).</summary>
    private static bool IsEvaluable(CTerm term, Value?[] frame)
    {
        switch (term)
        {
            case CConst:
            case CComprehension:
                return true;
            case CVar v:
                return frame[v.Slot] is not null;
            case CRef r:
                if (r.Head is not null && !IsEvaluable(r.Head, frame))
                {
                    return false;
                }

                foreach (var p in r.Path)
                {
                    if (p is not CVar && !IsEvaluable(p, frame))
                    {
                        return false;
                    }
                }

                return true;
            case CCall c:
                foreach (var a in c.Args)
                {
                    if (!IsEvaluable(a, frame))
                    {
                        return false;
                    }
                }

                return true;
            case CArray a:
                return AllEvaluable(a.Items, frame);
            case CSet s:
                return AllEvaluable(s.Items, frame);
            case CObject o:
                return AllEvaluable(o.Keys, frame) && AllEvaluable(o.Values, frame);
            default:
                return true;
        }
    }

    private static bool AllEvaluable(CTerm[] terms, Value?[] frame)
    {
        foreach (var t in terms)
        {
            if (!IsEvaluable(t, frame))
            {
                return false;
            }
        }

        return true;
    }

    private bool UnifyTerms(CTerm left, CTerm right, Value?[] frame, Func<bool> k)
    {
        if (left.IsGround || IsEvaluable(left, frame))
        {
            if (TryEvalSingle(left, frame, out var single))
            {
                return single is null || Unify(right, single, frame, k);
            }

            return EvalTerm(left, frame, UnifyWith(right, frame, k));
        }

        if (IsEvaluable(right, frame))
        {
            if (TryEvalSingle(right, frame, out var single))
            {
                return single is null || Unify(left, single, frame, k);
            }

            return EvalTerm(right, frame, UnifyWith(left, frame, k));
        }

        if (left is CArray la && right is CArray ra)
        {
            return la.Items.Length != ra.Items.Length || UnifyAll(la.Items, ra.Items, 0, frame, k);
        }

        if (left is CObject lo && right is CObject ro)
        {
            return lo.Keys.Length != ro.Keys.Length || UnifyObjects(lo, ro, frame, k);
        }

        throw Unsafe(FirstUnbound(left, frame) ?? FirstUnbound(right, frame));
    }

    private Func<Value, bool> UnifyWith(CTerm pattern, Value?[] frame, Func<bool> k) => v => Unify(pattern, v, frame, k);

    private bool UnifyAll(CTerm[] left, CTerm[] right, int index, Value?[] frame, Func<bool> k) =>
        index == left.Length ? k() : UnifyTerms(left[index], right[index], frame, UnifyAllFrom(left, right, index + 1, frame, k));

    private Func<bool> UnifyAllFrom(CTerm[] left, CTerm[] right, int index, Value?[] frame, Func<bool> k) => () => UnifyAll(left, right, index, frame, k);

    private bool UnifyObjects(CObject left, CObject right, Value?[] frame, Func<bool> k)
    {
        // Keys must be ground; pair the entries by key and unify the values.
        var leftKeys = left.Keys.Select(t => TryEvalSingle(t, frame, out var v) ? v : null).ToArray();
        var rightKeys = right.Keys.Select(t => TryEvalSingle(t, frame, out var v) ? v : null).ToArray();
        var pairsLeft = new List<CTerm>();
        var pairsRight = new List<CTerm>();
        for (var i = 0; i < leftKeys.Length; i++)
        {
            var j = Array.FindIndex(rightKeys, r => r is not null && leftKeys[i] is not null && r.Equals(leftKeys[i]));
            if (j < 0)
            {
                return true;
            }

            pairsLeft.Add(left.Values[i]);
            pairsRight.Add(right.Values[j]);
        }

        return UnifyAll([.. pairsLeft], [.. pairsRight], 0, frame, k);
    }

    /// <summary>Unifies a term (possibly holding unbound variables) with a value.</summary>
    private bool Unify(CTerm pattern, Value value, Value?[] frame, Func<bool> k)
    {
        switch (pattern)
        {
            case CVar v:
            {
                var current = frame[v.Slot];
                if (current is null)
                {
                    Bind(frame, v.Slot, value);
                    var r = k();
                    frame[v.Slot] = null;
                    return r;
                }

                return !current.Equals(value) || k();
            }

            case CConst c:
                return !c.Value.Equals(value) || k();
            case CArray a when !IsEvaluable(a, frame):
                return value is not ArrayValue av || av.Count != a.Items.Length || UnifyArray(a.Items, av, 0, frame, k);
            case CObject o when !IsEvaluable(o, frame):
                return value is not ObjectValue ov || ov.Count != o.Keys.Length || UnifyObject(o, ov, 0, frame, k);
            default:
                if (TryEvalSingle(pattern, frame, out var single))
                {
                    return single is null || !single.Equals(value) || k();
                }

                return EvalTerm(pattern, frame, EqualThen(value, k));
        }
    }

    private static Func<Value, bool> EqualThen(Value value, Func<bool> k) => x => !x.Equals(value) || k();

    private bool UnifyArray(CTerm[] items, ArrayValue value, int index, Value?[] frame, Func<bool> k) =>
        index == items.Length ? k() : Unify(items[index], value[index], frame, UnifyArrayFrom(items, value, index + 1, frame, k));

    private Func<bool> UnifyArrayFrom(CTerm[] items, ArrayValue value, int index, Value?[] frame, Func<bool> k) => () => UnifyArray(items, value, index, frame, k);

    private bool UnifyObject(CObject pattern, ObjectValue value, int index, Value?[] frame, Func<bool> k)
    {
        if (index == pattern.Keys.Length)
        {
            return k();
        }

        return EvalTerm(pattern.Keys[index], frame, key =>
        {
            var v = value.Get(key);
            return v is null || Unify(pattern.Values[index], v, frame, () => UnifyObject(pattern, value, index + 1, frame, k));
        });
    }

    private Value EvalComprehension(CComprehension c, Value?[] frame)
    {
        switch (c.Kind)
        {
            case ComprehensionKind.Array or ComprehensionKind.Set:
            {
                var collector = RentComprehensionCollector(c.Head, frame);
                try
                {
                    RunComprehensionBody(c, frame, collector);
                    var items = collector.Items;
                    return c.Kind == ComprehensionKind.Array
                        ? (items.Count == 0 ? ArrayValue.Empty : new ArrayValue(items.ToArray()))
                        : (items.Count == 0 ? SetValue.Empty : SetValue.FromOwned(items.ToArray(), items.Count));
                }
                finally
                {
                    ReturnComprehensionCollector(collector);
                }
            }

            default:
                return EvalObjectComprehension(c, frame);
        }
    }

    /// <summary>Runs an array or set comprehension's body, the collector gathering the head's values.</summary>
    private void RunComprehensionBody(CComprehension c, Value?[] frame, ComprehensionCollector collector)
    {
        if (c.LoopBody)
        {
            RunLoops(c.Body, 0, frame, collector.OnBody);
        }
        else
        {
            EvalBody(c.Body, 0, frame, collector.OnBody);
        }
    }

    /// <summary>
    /// <c>count</c> or <c>sum</c> of an array comprehension without building the array: the items are collected as
    /// <see cref="EvalComprehension"/> collects them, then counted, or added when they are all 64-bit integers
    /// whose sum fits; anything else builds the array and calls the built-in, for its exact arithmetic and errors.
    /// </summary>
    internal Value? AggregateComprehension(CCall call, CComprehension c, bool count, Value?[] frame)
    {
        Value[] items;
        var collector = RentComprehensionCollector(c.Head, frame);
        try
        {
            RunComprehensionBody(c, frame, collector);
            var collected = collector.Items.Span;
            if (count)
            {
                return NumberValue.Of(collected.Length);
            }

            if (Builtins.Aggregates.TrySumInt64(collected, out var sum))
            {
                return NumberValue.Of(sum);
            }

            items = collected.ToArray();
        }
        finally
        {
            ReturnComprehensionCollector(collector);
        }

        return Invoke(call, [items.Length == 0 ? ArrayValue.Empty : new ArrayValue(items)]);
    }

    private ObjectValue EvalObjectComprehension(CComprehension c, Value?[] frame)
    {
        var entries = new Dictionary<Value, Value>();
        EvalBody(c.Body, 0, frame, () => EvalTerm(c.Head, frame, key => EvalTerm(c.Value!, frame, value =>
        {
            if (entries.TryGetValue(key, out var existing) && !existing.Equals(value))
            {
                throw Conflict("object keys must be unique");
            }

            entries[key] = value;
            return true;
        })));
        return ObjectValue.From(entries);
    }

    /// <summary>Passes a term's value(s) to a consumer, without a continuation when the term has one value.</summary>
    private bool Produce(CTerm term, Value?[] frame, Func<Value, bool> k)
    {
        if (TryEvalSingle(term, frame, out var single))
        {
            return single is null || k(single);
        }

        return EvalTerm(term, frame, k);
    }

    private static CVar? FirstUnbound(CTerm term, Value?[] frame) => term switch
    {
        CVar v when frame[v.Slot] is null => v,
        CArray a => a.Items.Select(i => FirstUnbound(i, frame)).FirstOrDefault(x => x is not null),
        CObject o => o.Values.Concat(o.Keys).Select(i => FirstUnbound(i, frame)).FirstOrDefault(x => x is not null),
        CRef r => (r.Head is null ? null : FirstUnbound(r.Head, frame)) ?? r.Path.Where(p => p is not CVar).Select(i => FirstUnbound(i, frame)).FirstOrDefault(x => x is not null),
        CCall c => c.Args.Select(i => FirstUnbound(i, frame)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    private static RegoEvalException Unsafe(CVar? v) =>
        new(ErrorCodes.UnsafeVar, $"var {v?.Name ?? "?"} is unsafe");
}
