using System.Text.Json;

namespace Steward.Server.Pii;

/// <summary>Typed access to the fields of a request object, each failure a 400 naming the field.</summary>
internal readonly struct JsonFields(JsonElement obj, string where)
{
    public JsonElement Element => obj;

    /// <summary>Refuses fields outside <paramref name="known"/> (a misspelt option should not be silently ignored).</summary>
    public void OnlyKnown(params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, p.Name) < 0)
                throw new PiiHttpException($"{where}has an unknown field '{p.Name}'; known: {string.Join(", ", known)}");
        }
    }

    public bool Has(string name) => obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? Text(v, name) : throw Wrong(name, "a string");
    }

    /// <summary>A string's value; a lone surrogate escape (<c>"\ud800"</c>) cannot be decoded and is a 400.</summary>
    private PiiHttpException Undecodable(string name) => new($"{where}'{name}' holds an escape that is not valid Unicode (a lone surrogate)");

    private string Text(JsonElement v, string name)
    {
        try
        {
            return v.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Undecodable(name);
        }
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } s ? s : throw new PiiHttpException($"{where}'{name}' is required (a non-empty string)");

    public double? Number(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Wrong(name, "a number");
    }

    public int? Integer(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : throw Wrong(name, "an integer");
    }

    public bool? Boolean(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Wrong(name, "true or false");
    }

    public List<string>? Strings(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Array) throw Wrong(name, "a list of strings");
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
            list.Add(item.ValueKind == JsonValueKind.String ? Text(item, name) : throw Wrong(name, "a list of strings"));
        return list;
    }

    public IEnumerable<JsonFields> Objects(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) yield break;
        if (v.ValueKind != JsonValueKind.Array) throw Wrong(name, "a list of objects");
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw Wrong(name, "a list of objects");
            yield return new JsonFields(item, $"{where}{name}[{i++}]: ");
        }
    }

    public JsonFields? Object(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Object ? new JsonFields(v, $"{where}{name}: ") : throw Wrong(name, "an object");
    }

    public PiiHttpException Wrong(string name, string expected) => new($"{where}'{name}' must be {expected}");
}
