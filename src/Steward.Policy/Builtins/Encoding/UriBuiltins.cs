using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// <c>uri.parse</c> and <c>uri.is_valid</c> (OPA 1.x), on Go's url.Parse (<see cref="GoUrlParser"/>): the parts of a
/// URI reference that are present, and whether a non-empty string parses.
/// </summary>
internal static class UriBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("uri.parse", 1, (_, a) => Parse(Operand.String(a, 0)));
        r.Register("uri.is_valid", 1, (_, a) => BooleanValue.Of(a[0] is StringValue { Value.Length: > 0 } s && GoUrlParser.TryParse(s.Value, out string? unused) is not null));
    }

    // Only the parts present are keys; raw_path (the path as written, or the path when Go's escaping of it gives the
    // same text) comes with every path; raw_query is undecoded, for urlquery.decode_object.
    private static ObjectValue Parse(string text)
    {
        var url = GoUrlParser.TryParse(text, out var error) ?? throw new BuiltinException(error!);
        var o = new ObjectBuilder();
        void Set(string key, string value)
        {
            if (value.Length > 0)
            {
                o.Set(new StringValue(key), new StringValue(value));
            }
        }

        Set("scheme", url.Scheme);
        Set("hostname", url.Hostname);
        Set("port", url.Port);
        if (url.Path.Length > 0)
        {
            Set("path", url.Path);
            Set("raw_path", url.RawPath.Length > 0 ? url.RawPath : url.Path);
        }

        Set("raw_query", url.RawQuery);
        Set("fragment", url.Fragment);
        return o.Build();
    }
}
