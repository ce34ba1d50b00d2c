using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// <c>walk(x, pattern)</c> in the evaluator rather than as a generic relation: the nodes of <c>x</c> in
    /// pre-order are unified with the pattern one at a time, without first collecting every
    /// <c>[path, value]</c> pair. When the pattern is <c>[_, v]</c>, as it usually is, no path is built at
    /// all (OPA skips them in the same case). Returns false when the expression is not such a call.
    /// </summary>
    private bool TryEvalWalk(CUnify u, Value?[] frame, Func<bool> k, out bool result)
    {
        result = true;
        CTerm pattern;
        CCall call;
        if (u.Right is CCall { Function: null, Name: "walk", Args.Length: 1, Builtin.Relation: not null } right)
        {
            (call, pattern) = (right, u.Left);
        }
        else if (u.Left is CCall { Function: null, Name: "walk", Args.Length: 1, Builtin.Relation: not null } left)
        {
            (call, pattern) = (left, u.Right);
        }
        else
        {
            return false;
        }

        if ((_mocks is not null && _mocks.ContainsKey(call.Name)) || !IsEvaluable(call.Args[0], frame) || !TryEvalSingle(call.Args[0], frame, out var root))
        {
            return false;
        }

        if (root is not null)
        {
            result = pattern is CArray { Items: [CVar { Name: "_" } wildcard, var valueTerm] } && frame[wildcard.Slot] is null
                ? WalkValues(root, valueTerm, frame, k)
                : WalkPaths(root, [], pattern, frame, k);
        }

        return true;
    }

    private bool WalkValues(Value node, CTerm valueTerm, Value?[] frame, Func<bool> k)
    {
        if (!Unify(valueTerm, node, frame, k))
        {
            return false;
        }

        switch (node)
        {
            case ArrayValue a:
                foreach (var item in a.Items)
                {
                    if (!WalkValues(item, valueTerm, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                foreach (var item in o.Values)
                {
                    if (!WalkValues(item, valueTerm, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue s:
                foreach (var item in s.Items)
                {
                    if (!WalkValues(item, valueTerm, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private bool WalkPaths(Value node, List<Value> path, CTerm pattern, Value?[] frame, Func<bool> k)
    {
        if (!Unify(pattern, new ArrayValue([new ArrayValue([.. path]), node]), frame, k))
        {
            return false;
        }

        switch (node)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!WalkChild(NumberValue.Of(i), a[i], path, pattern, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (!WalkChild(o.Keys[i], o.Values[i], path, pattern, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue s:
                foreach (var item in s.Items)
                {
                    if (!WalkChild(item, item, path, pattern, frame, k))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private bool WalkChild(Value key, Value child, List<Value> path, CTerm pattern, Value?[] frame, Func<bool> k)
    {
        path.Add(key);
        var r = WalkPaths(child, path, pattern, frame, k);
        path.RemoveAt(path.Count - 1);
        return r;
    }
}
