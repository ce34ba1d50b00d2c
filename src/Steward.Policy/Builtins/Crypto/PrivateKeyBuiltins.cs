using System.Security.Cryptography;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>crypto.x509.parse_rsa_private_key: a PEM (or base64 of PEM) RSA private key as a JWK object.</summary>
internal static class PrivateKeyBuiltins
{
    public static void Register(BuiltinRegistry r) =>
        r.Register("crypto.x509.parse_rsa_private_key", 1, (_, a) => ParseRsa(Operand.String(a, 0)));

    private static Value ParseRsa(string input)
    {
        if (input.Length == 0)
        {
            throw new BuiltinException("input PEM data was empty");
        }

        if (!input.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            input = GoBase64.TryDecode(input, url: false, out var bytes, out var at)
                ? Encoding.UTF8.GetString(bytes)
                : throw new BuiltinException($"illegal base64 data at input byte {at}");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(input);
        }
        catch (ArgumentException)
        {
            return NullValue.Instance;
        }
        catch (CryptographicException e)
        {
            throw new BuiltinException(e.Message);
        }

        var p = rsa.ExportParameters(includePrivateParameters: true);
        var jwk = new ObjectBuilder();
        void Set(string name, byte[]? value)
        {
            if (value is not null)
            {
                jwk.Set(new StringValue(name), new StringValue(GoBase64.Encode(TrimLeadingZeros(value), url: true, pad: false)));
            }
        }

        jwk.Set(new StringValue("kty"), new StringValue("RSA"));
        Set("n", p.Modulus);
        Set("e", p.Exponent);
        Set("d", p.D);
        Set("p", p.P);
        Set("q", p.Q);
        Set("dp", p.DP);
        Set("dq", p.DQ);
        Set("qi", p.InverseQ);
        return jwk.Build();
    }

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }
}
