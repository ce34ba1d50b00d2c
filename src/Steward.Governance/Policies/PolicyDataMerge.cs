using Steward.Policy.Values;

namespace Steward.Governance.Policies;

/// <summary>Builds the <c>data</c> document from stored documents (see <see cref="PolicyDataStore"/> for the rule).</summary>
public static class PolicyDataMerge
{
    /// <summary>Applies the latest version of each path in ledger order to an empty object.</summary>
    public static ObjectValue Merge(IEnumerable<PolicyDataDocument> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        Value root = ObjectValue.Empty;
        foreach (var doc in latest.OrderBy(d => d.LedgerIndex))
        {
            var path = doc.Path.Length == 0 ? [] : doc.Path.Split('/');
            root = doc.Deleted || doc.Json is null ? Remove(root, path, 0) : Set(root, path, 0, ValueJson.Parse(doc.Json, PolicyDataStore.MaxDepth + 1));
        }
        return root as ObjectValue ?? ObjectValue.Empty;
    }

    private static Value Set(Value current, string[] path, int at, Value value)
    {
        if (at == path.Length) return value;
        var obj = current as ObjectValue ?? ObjectValue.Empty;
        var child = obj.Get(path[at]) ?? ObjectValue.Empty;
        return With(obj, path[at], Set(child, path, at + 1, value));
    }

    private static Value Remove(Value current, string[] path, int at)
    {
        if (at == path.Length) return ObjectValue.Empty;
        if (current is not ObjectValue obj || obj.Get(path[at]) is not { } child) return current;
        if (at == path.Length - 1) return Without(obj, path[at]);
        return With(obj, path[at], Remove(child, path, at + 1));
    }

    private static ObjectValue With(ObjectValue obj, string key, Value value)
    {
        var builder = new ObjectBuilder();
        for (var i = 0; i < obj.Count; i++) builder.Set(obj.Keys[i], obj.Values[i]);
        builder.Set(new StringValue(key), value);
        return builder.Build();
    }

    private static ObjectValue Without(ObjectValue obj, string key)
    {
        var builder = new ObjectBuilder();
        for (var i = 0; i < obj.Count; i++)
        {
            if (obj.Keys[i] is StringValue s && s.Value == key) continue;
            builder.Set(obj.Keys[i], obj.Values[i]);
        }
        return builder.Build();
    }
}
