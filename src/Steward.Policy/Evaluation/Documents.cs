using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

/// <summary>Functional updates of documents (for <c>with</c>).</summary>
internal static class Documents
{
    /// <summary>A copy of <paramref name="document"/> with the value at <paramref name="path"/> replaced, creating objects on the way.</summary>
    public static Value Upsert(Value? document, ReadOnlySpan<string> path, Value value)
    {
        if (path.IsEmpty)
        {
            return value;
        }

        var obj = document as ObjectValue ?? ObjectValue.Empty;
        var key = new StringValue(path[0]);
        var builder = new ObjectBuilder();
        for (var i = 0; i < obj.Count; i++)
        {
            builder.Set(obj.Keys[i], obj.Values[i]);
        }

        builder.Set(key, Upsert(obj.Get(key), path[1..], value));
        return builder.Build();
    }
}
