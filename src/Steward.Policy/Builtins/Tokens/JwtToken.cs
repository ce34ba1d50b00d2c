using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>The three base64url sections of a compact JWS, decoded on demand with OPA's error messages.</summary>
internal sealed class JwtToken
{
    private JwtToken(string header, string payload, string signature)
    {
        Header = header;
        Payload = payload;
        Signature = signature;
    }

    public string Header { get; }

    public string Payload { get; }

    public string Signature { get; }

    public byte[] SigningInput => Encoding.UTF8.GetBytes(Header + "." + Payload);

    public static JwtToken Parse(Value value)
    {
        var text = value is StringValue s ? s.Value : throw new OperandTypeException(1, "string", value);
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            throw new BuiltinException("encoded JWT had no period separators");
        }

        var parts = text.Split('.');
        return parts.Length != 3
            ? throw new BuiltinException($"encoded JWT must have 3 sections, found {parts.Length}")
            : new JwtToken(parts[0], parts[1], parts[2]);
    }

    /// <summary>base64url.decode's rules (padding optional).</summary>
    public static byte[] Base64Url(string s, string what)
    {
        if (!s.EndsWith('='))
        {
            switch (s.Length % 4)
            {
                case 2:
                    s += "==";
                    break;
                case 3:
                    s += "=";
                    break;
                case 1:
                    throw new BuiltinException($"{what}illegal base64url string: {s}");
            }
        }

        return GoBase64.TryDecode(s, url: true, out var bytes, out var at)
            ? bytes
            : throw new BuiltinException($"{what}illegal base64 data at input byte {at}");
    }

    public ObjectValue DecodeHeader()
    {
        var text = Encoding.UTF8.GetString(Base64Url(Header, "JWT header had invalid encoding: "));
        var header = JsonObject(text, "bad JWT header: ");
        return header.Get("enc") is not null ? throw new BuiltinException("JWT is a JWE object, which is not supported") : header;
    }

    public string DecodePayloadText() => Encoding.UTF8.GetString(Base64Url(Payload, "JWT payload had invalid encoding: "));

    public byte[] DecodeSignature() => Base64Url(Signature, string.Empty);

    public static ObjectValue JsonObject(string text, string prefix)
    {
        if (!JsonBuiltins.TryParse(text, out var value, out _))
        {
            throw new BuiltinException($"{prefix}invalid JSON: {GoJsonSyntax.Check(text) ?? "invalid JSON"}");
        }

        return value as ObjectValue ?? throw new BuiltinException($"{prefix}decoded JSON type was not an Object");
    }
}
