using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>uuid.rfc4122 (random version 4, one value per key within a query) and uuid.parse.</summary>
internal static class UuidBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("uuid.rfc4122", 1, (c, a) => New(c, a[0]), nondeterministic: true);
        r.Register("uuid.parse", 1, (_, a) => Parse(Operand.String(a, 0)));
    }

    private static StringValue New(BuiltinContext context, Value key)
    {
        var cacheKey = (Name: "uuid.rfc4122", Key: key);
        if (context.Cache.TryGetValue(cacheKey, out var cached))
        {
            return (StringValue)cached;
        }

        Span<byte> b = stackalloc byte[16];
        RandomNumberGenerator.Fill(b);
        b[8] = (byte)((b[8] & 0x3f) | 0x80);
        b[6] = (byte)((b[6] & 0x0f) | 0x40);
        var hex = Convert.ToHexStringLower(b);
        var result = new StringValue($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
        context.Cache[cacheKey] = result;
        return result;
    }

    private static ObjectValue? Parse(string text)
    {
        var hex = text.Length switch
        {
            36 => Dashed(text),
            38 when text[0] == '{' && text[^1] == '}' => Dashed(text[1..^1]),
            45 when text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) => Dashed(text[9..]),
            32 => text,
            _ => null,
        };
        if (hex is null || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var u = Convert.FromHexString(hex);
        var version = u[6] >> 4;
        var variant = (u[8] & 0xc0) == 0x80 ? "RFC4122" : (u[8] & 0xe0) == 0xc0 ? "Microsoft" : (u[8] & 0xe0) == 0xe0 ? "Future" : "Reserved";
        var result = new ObjectBuilder();
        result.Set(new StringValue("version"), NumberValue.Of(version));
        result.Set(new StringValue("variant"), new StringValue(variant));
        if (version is 1 or 2)
        {
            var time = (long)BinaryPrimitives.ReadUInt32BigEndian(u.AsSpan(0, 4))
                | ((long)BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(4, 2)) << 32)
                | ((long)(BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(6, 2)) & 0xfff) << 48);
            var since = time - 122192928000000000L;
            var nanos = (since / 10000000 * 1000000000) + (since % 10000000 * 100);
            result.Set(new StringValue("time"), NumberValue.Of(nanos));
            result.Set(new StringValue("nodeid"), new StringValue(MacKind(u[10]) + ":" + Convert.ToHexStringLower(u.AsSpan(10, 6))));
            result.Set(new StringValue("clocksequence"), NumberValue.Of(BinaryPrimitives.ReadUInt16BigEndian(u.AsSpan(8, 2)) & 0x3fff));
            if (version == 2)
            {
                result.Set(new StringValue("id"), NumberValue.Of(BinaryPrimitives.ReadUInt32BigEndian(u.AsSpan(0, 4))));
                result.Set(new StringValue("domain"), new StringValue(u[9] switch
                {
                    0 => "Person",
                    1 => "Group",
                    2 => "Org",
                    _ => "Domain" + u[9].ToString(CultureInfo.InvariantCulture),
                }));
            }
        }

        return result.Build();
    }

    private static string? Dashed(string s) =>
        s.Length == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-'
            ? s.Replace("-", string.Empty, StringComparison.Ordinal) is { Length: 32 } h ? h : null
            : null;

    private static string MacKind(byte b) => (b & 3) switch
    {
        3 => "local:multicast",
        1 => "global:multicast",
        2 => "local:unicast",
        _ => "global:unicast",
    };
}
