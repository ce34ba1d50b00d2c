using System.Globalization;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>base64, base64url and hex encodings.</summary>
internal static class EncodingBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("base64.encode", 1, (_, a) => new StringValue(GoBase64.Encode(Bytes(a, 0), url: false, pad: true)));
        r.Register("base64.decode", 1, (_, a) => Decode(Operand.String(a, 0), url: false));
        r.Register("base64.is_valid", 1, (c, a) => BooleanValue.Of(a[0] is StringValue s && GoBase64.TryDecode(s.Value, false, out _, out _)));
        r.Register("base64url.encode", 1, (_, a) => new StringValue(GoBase64.Encode(Bytes(a, 0), url: true, pad: true)));
        r.Register("base64url.encode_no_pad", 1, (_, a) => new StringValue(GoBase64.Encode(Bytes(a, 0), url: true, pad: false)));
        r.Register("base64url.decode", 1, (_, a) => DecodeUrl(Operand.String(a, 0)));
        r.Register("hex.encode", 1, (_, a) => new StringValue(Convert.ToHexStringLower(Bytes(a, 0))));
        r.Register("hex.decode", 1, (_, a) => HexDecode(Operand.String(a, 0)));
    }

    private static byte[] Bytes(ReadOnlySpan<Value> a, int index) => Encoding.UTF8.GetBytes(Operand.String(a, index));

    /// <summary>Bytes as a string; invalid UTF-8 becomes U+FFFD.</summary>
    public static StringValue Text(byte[] bytes) => new(Encoding.UTF8.GetString(bytes));

    private static StringValue Decode(string s, bool url) =>
        GoBase64.TryDecode(s, url, out var bytes, out var at)
            ? Text(bytes)
            : throw new BuiltinException($"illegal base64 data at input byte {at}");

    private static StringValue DecodeUrl(string s)
    {
        if (!s.EndsWith('='))
        {
            switch (s.Length % 4)
            {
                case 0:
                    break;
                case 2:
                    s += "==";
                    break;
                case 3:
                    s += "=";
                    break;
                default:
                    throw new BuiltinException($"illegal base64url string: {s}");
            }
        }

        return Decode(s, url: true);
    }

    private static StringValue HexDecode(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        var output = new byte[bytes.Length / 2];
        var i = 1;
        for (; i < bytes.Length; i += 2)
        {
            var hi = HexValue(bytes[i - 1]);
            var lo = HexValue(bytes[i]);
            if (hi < 0)
            {
                throw InvalidByte(s, i - 1);
            }

            if (lo < 0)
            {
                throw InvalidByte(s, i);
            }

            output[i / 2] = (byte)((hi << 4) | lo);
        }

        if (bytes.Length % 2 == 1)
        {
            if (HexValue(bytes[i - 1]) < 0)
            {
                throw InvalidByte(s, i - 1);
            }

            throw new BuiltinException("encoding/hex: odd length hex string");
        }

        return Text(output);
    }

    private static BuiltinException InvalidByte(string s, int byteIndex)
    {
        var b = Encoding.UTF8.GetBytes(s)[byteIndex];
        var rune = new Rune(b);
        var shown = StringFormatting.IsPrint(rune) ? $" '{rune}'" : string.Empty;
        return new BuiltinException($"encoding/hex: invalid byte: U+{b.ToString("X4", CultureInfo.InvariantCulture)}{shown}");
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
