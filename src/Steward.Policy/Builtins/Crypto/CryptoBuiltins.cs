using System.Security.Cryptography;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>crypto.md5/sha1/sha256, crypto.hmac.* and crypto.hmac.equal.</summary>
internal static class CryptoBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("crypto.md5", 1, (_, a) => Hex(MD5.HashData(Bytes(a, 0))));
        r.Register("crypto.sha1", 1, (_, a) => Hex(SHA1.HashData(Bytes(a, 0))));
        r.Register("crypto.sha256", 1, (_, a) => Hex(SHA256.HashData(Bytes(a, 0))));
        r.Register("crypto.hmac.md5", 2, (_, a) => Hex(HMACMD5.HashData(Bytes(a, 1), Bytes(a, 0))));
        r.Register("crypto.hmac.sha1", 2, (_, a) => Hex(HMACSHA1.HashData(Bytes(a, 1), Bytes(a, 0))));
        r.Register("crypto.hmac.sha256", 2, (_, a) => Hex(HMACSHA256.HashData(Bytes(a, 1), Bytes(a, 0))));
        r.Register("crypto.hmac.sha512", 2, (_, a) => Hex(HMACSHA512.HashData(Bytes(a, 1), Bytes(a, 0))));
        r.Register("crypto.hmac.equal", 2, (_, a) => BooleanValue.Of(CryptographicOperations.FixedTimeEquals(Bytes(a, 0), Bytes(a, 1))));
    }

    private static byte[] Bytes(ReadOnlySpan<Value> a, int index) => Encoding.UTF8.GetBytes(Operand.String(a, index));

    private static StringValue Hex(byte[] hash) => new(Convert.ToHexStringLower(hash));
}
