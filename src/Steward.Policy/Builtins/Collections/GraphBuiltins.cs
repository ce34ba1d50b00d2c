using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>graph.reachable, graph.reachable_paths and the walk relation.</summary>
internal static class GraphBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("graph.reachable", 2, (_, a) => Reachable(Operand.Object(a, 0), Vertices(a[1])));
        r.Register("graph.reachable_paths", 2, (_, a) => ReachablePaths(Operand.Object(a, 0), Vertices(a[1])));
        r.RegisterRelation("walk", 1, (_, a) => Walk(a[0]));
    }

    private static ReadOnlySpan<Value> Vertices(Value value) => value switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => throw new OperandTypeException(2, "{array, set}", value),
    };

    private static ReadOnlySpan<Value> Edges(Value edges) => edges switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => [],
    };

    private static SetValue Reachable(ObjectValue graph, ReadOnlySpan<Value> initial)
    {
        var queue = new Queue<Value>(initial.ToArray());
        var reached = new HashSet<Value>();
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (graph.Get(node) is { } edges)
            {
                foreach (var neighbour in Edges(edges))
                {
                    if (!reached.Contains(neighbour))
                    {
                        queue.Enqueue(neighbour);
                    }
                }

                reached.Add(node);
            }
        }

        return SetValue.From(reached);
    }

    private static SetValue ReachablePaths(ObjectValue graph, ReadOnlySpan<Value> initial)
    {
        var result = new List<Value>();
        foreach (var node in initial)
        {
            if (graph.Get(node) is not { } edges)
            {
                continue;
            }

            var neighbours = Edges(edges);
            if (neighbours.Length == 0)
            {
                result.Add(new ArrayValue([node]));
                continue;
            }

            foreach (var neighbour in neighbours)
            {
                BuildPaths(graph, neighbour, [node], result, [node]);
            }
        }

        return SetValue.From(result);
    }

    private static void BuildPaths(ObjectValue graph, Value root, List<Value> path, List<Value> result, HashSet<Value> reached)
    {
        if (graph.Get(root) is not { } edges)
        {
            result.Add(new ArrayValue([.. path]));
            return;
        }

        path = [.. path, root];
        var neighbours = Edges(edges);
        if (neighbours.Length == 0)
        {
            result.Add(new ArrayValue([.. path]));
            return;
        }

        reached = [.. reached, root];
        foreach (var neighbour in neighbours)
        {
            if (reached.Contains(neighbour))
            {
                result.Add(new ArrayValue([.. path]));
            }
            else
            {
                BuildPaths(graph, neighbour, path, result, reached);
            }
        }
    }

    private static IEnumerable<Value> Walk(Value root)
    {
        var stack = new Stack<(Value[] Path, Value Value)>();
        stack.Push(([], root));
        while (stack.Count > 0)
        {
            var (path, value) = stack.Pop();
            yield return new ArrayValue([new ArrayValue(path), value]);
            var children = new List<(Value[] Path, Value Value)>();
            switch (value)
            {
                case ArrayValue a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        children.Add(([.. path, NumberValue.Of(i)], a[i]));
                    }

                    break;
                case ObjectValue o:
                    for (var i = 0; i < o.Count; i++)
                    {
                        children.Add(([.. path, o.Keys[i]], o.Values[i]));
                    }

                    break;
                case SetValue s:
                    foreach (var item in s.Items)
                    {
                        children.Add(([.. path, item], item));
                    }

                    break;
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
