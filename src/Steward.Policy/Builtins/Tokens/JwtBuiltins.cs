using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>io.jwt.decode, io.jwt.verify_* (HS, RS, PS, ES), io.jwt.decode_verify and io.jwt.encode_sign(_raw).</summary>
internal static class JwtBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Register("io.jwt.decode", 1, (_, a) => Decode(a[0]));
        foreach (var alg in new[] { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA" })
        {
            r.Register("io.jwt.verify_" + alg.ToLowerInvariant(), 2, (_, a) => BooleanValue.Of(VerifyWithKeys(alg, a[0], a[1])));
        }

        foreach (var alg in new[] { "HS256", "HS384", "HS512" })
        {
            r.Register("io.jwt.verify_" + alg.ToLowerInvariant(), 2, (_, a) => BooleanValue.Of(VerifyWithSecret(alg, a)));
        }

        r.Register("io.jwt.decode_verify", 2, (c, a) => DecodeVerify(c, a[0], Operand.Object(a, 1)));
        r.Register("io.jwt.encode_sign", 3, (_, a) => EncodeSign(GoJson.Marshal(a[0]), GoJson.Marshal(a[1]), GoJson.Marshal(a[2])), nondeterministic: true);
        r.Register("io.jwt.encode_sign_raw", 3, (_, a) => EncodeSignRaw(a), nondeterministic: true);
    }

    private static ArrayValue Decode(Value value)
    {
        var token = JwtToken.Parse(value);
        var header = token.DecodeHeader();
        var payloadText = token.DecodePayloadText();
        if (header.Get("cty") is StringValue { Value: "JWT" })
        {
            return Decode(new StringValue(payloadText.Trim('"', '\'')));
        }

        var payload = JwtToken.JsonObject(payloadText, string.Empty);
        var signature = JwtToken.Base64Url(token.Signature, "JWT signature had invalid encoding: ");
        return new ArrayValue([header, payload, new StringValue(Convert.ToHexStringLower(signature))]);
    }

    private static bool VerifyWithKeys(string alg, Value jwt, Value keyText)
    {
        var token = JwtToken.Parse(jwt);
        var text = keyText is StringValue s ? s.Value : throw new OperandTypeException(2, "string", keyText);
        var keys = JwtKey.Parse(text);
        var signature = token.DecodeSignature();
        var header = token.DecodeHeader();
        var headerAlg = header.Get("alg") is StringValue ha ? ha.Value : string.Empty;
        var kid = header.Get("kid") is StringValue hk ? hk.Value : string.Empty;
        var input = token.SigningInput;
        if (kid.Length > 0 && keys.Find(k => k.Kid == kid) is { } byKid)
        {
            return byKid.Verify(alg, input, signature);
        }

        foreach (var key in keys)
        {
            if (key.Alg.Length > 0 && key.Alg != headerAlg)
            {
                continue;
            }

            if (key.Verify(alg, input, signature))
            {
                return true;
            }
        }

        return false;
    }

    private static bool VerifyWithSecret(string alg, ReadOnlySpan<Value> a)
    {
        Operand.String(a, 0);
        var secret = Operand.String(a, 1);
        var token = JwtToken.Parse(a[0]);
        var mac = JwtKey.Hmac(alg, Encoding.UTF8.GetBytes(secret), token.SigningInput);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(mac, token.DecodeSignature());
    }

    private static ArrayValue DecodeVerify(BuiltinContext context, Value jwt, ObjectValue constraintsObject)
    {
        var unverified = new ArrayValue([BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty]);
        var constraints = Constraints.Parse(constraintsObject, context.NowNanoseconds);
        var current = jwt;
        JwtToken token;
        ObjectValue header;
        string payloadText;
        while (true)
        {
            token = JwtToken.Parse(current);
            header = token.DecodeHeader();
            var alg = string.Empty;
            var kid = string.Empty;
            var cty = string.Empty;
            var unknown = new List<string>();
            HashSet<string>? critical = null;
            for (var i = 0; i < header.Count; i++)
            {
                var name = ((StringValue)header.Keys[i]).Value;
                var v = header.Values[i];
                switch (name)
                {
                    case "alg" or "kid" or "typ" or "cty":
                        var sv = v is StringValue str ? str.Value : throw new BuiltinException($"{name}: must be a string");
                        if (name == "alg")
                        {
                            alg = sv;
                        }
                        else if (name == "kid")
                        {
                            kid = sv;
                        }
                        else if (name == "cty")
                        {
                            cty = sv;
                        }

                        break;
                    case "crit":
                        if (v is not ArrayValue list)
                        {
                            throw new BuiltinException("crit: must be a list");
                        }

                        critical = [.. list.Items.ToArray().OfType<StringValue>().Select(x => x.Value)];
                        if (critical.Count == 0)
                        {
                            throw new BuiltinException("crit: must be a nonempty list");
                        }

                        break;
                    default:
                        unknown.Add(name);
                        break;
                }
            }

            if (alg.Length == 0 || (critical is not null && unknown.Exists(critical.Contains)))
            {
                return unverified;
            }

            if (constraints.Alg.Length > 0 && constraints.Alg != alg)
            {
                return unverified;
            }

            var signature = token.DecodeSignature();
            if (!constraints.Verify(kid, alg, token.SigningInput, signature))
            {
                return unverified;
            }

            payloadText = token.DecodePayloadText();
            if (string.Equals(cty, "JWT", StringComparison.OrdinalIgnoreCase))
            {
                current = new StringValue(payloadText);
                continue;
            }

            break;
        }

        var payload = JwtToken.JsonObject(payloadText, string.Empty);
        if (constraints.Iss.Length > 0 && (payload.Get("iss") is not StringValue iss || iss.Value != constraints.Iss))
        {
            return unverified;
        }

        if (payload.Get("aud") is { } aud)
        {
            var ok = aud switch
            {
                StringValue s => s.Value == constraints.Aud,
                ArrayValue list => list.Items.ToArray().Any(x => x is StringValue s && s.Value == constraints.Aud),
                _ => false,
            };
            if (!ok)
            {
                return unverified;
            }
        }
        else if (constraints.Aud.Length > 0)
        {
            return unverified;
        }

        var now = constraints.Time / 1e9;
        if (payload.Get("exp") is { } exp)
        {
            if (exp is not NumberValue expNumber)
            {
                throw new BuiltinException("exp value must be a number");
            }

            if (now >= expNumber.AsDouble)
            {
                return unverified;
            }
        }

        if (payload.Get("nbf") is { } nbf)
        {
            if (nbf is not NumberValue nbfNumber)
            {
                throw new BuiltinException("nbf value must be a number");
            }

            if (now < nbfNumber.AsDouble)
            {
                return unverified;
            }
        }

        return new ArrayValue([BooleanValue.True, header, payload]);
    }

    private static StringValue EncodeSignRaw(ReadOnlySpan<Value> a)
    {
        var jwk = Operand.String(a, 2);
        var headers = Operand.String(a, 0);
        var payload = Operand.String(a, 1);
        return EncodeSign(headers, payload, jwk);
    }

    private static StringValue EncodeSign(string headersJson, string payloadJson, string jwkJson)
    {
        if (!JsonBuiltins.TryParse(jwkJson, out var jwkValue, out var error) || jwkValue is not ObjectValue jwkObject)
        {
            throw new BuiltinException($"failed to parse a JWK key (set): {error}");
        }

        var first = jwkObject.Get("keys") is ArrayValue keys
            ? (keys.Count > 0 ? keys[0] as ObjectValue : throw new BuiltinException("no keys found in JWK set"))
            : jwkObject;
        var key = first is null ? null : JwtKey.FromJwk(first, privateKey: true);
        if (key is null)
        {
            throw new BuiltinException("failed to parse a JWK key (set): invalid key type");
        }

        if (!JsonBuiltins.TryParse(headersJson, out var headersValue, out _) || headersValue is not ObjectValue headers || headers.Get("alg") is not StringValue algValue)
        {
            throw new BuiltinException("missing or invalid 'alg' header");
        }

        var alg = algValue.Value;
        if (alg is not ("RS256" or "RS384" or "RS512" or "PS256" or "PS384" or "PS512" or "ES256" or "ES384" or "ES512" or "HS256" or "HS384" or "HS512" or "EdDSA"))
        {
            throw new BuiltinException($"unknown JWS algorithm: {alg}");
        }

        var typ = headers.Get("typ") as StringValue;
        if ((typ is null || typ.Value == "JWT") && !JsonBuiltins.TryParse(payloadJson, out _, out _))
        {
            throw new BuiltinException("type is JWT but payload is not JSON");
        }

        var signingInput = GoBase64.Encode(Encoding.UTF8.GetBytes(headersJson), url: true, pad: false) + "."
            + GoBase64.Encode(Encoding.UTF8.GetBytes(payloadJson), url: true, pad: false);
        var signature = key.Sign(alg, Encoding.UTF8.GetBytes(signingInput));
        return new StringValue(signingInput + "." + GoBase64.Encode(signature, url: true, pad: false));
    }

    private sealed class Constraints
    {
        public string Alg { get; private set; } = string.Empty;

        public string Iss { get; private set; } = string.Empty;

        public string Aud { get; private set; } = string.Empty;

        public double Time { get; private set; } = -1;

        private List<JwtKey>? Keys { get; set; }

        private string Secret { get; set; } = string.Empty;

        public static Constraints Parse(ObjectValue o, long now)
        {
            var c = new Constraints();
            for (var i = 0; i < o.Count; i++)
            {
                var name = o.Keys[i] is StringValue k ? k.Value : o.Keys[i].ToString();
                var v = o.Values[i];
                switch (name)
                {
                    case "cert":
                        c.Keys = JwtKey.Parse(v is StringValue cert ? cert.Value : throw new BuiltinException("cert constraint: must be a string"));
                        break;
                    case "secret":
                        c.Secret = Text(name, v);
                        break;
                    case "alg":
                        c.Alg = Text(name, v);
                        break;
                    case "iss":
                        c.Iss = Text(name, v);
                        break;
                    case "aud":
                        c.Aud = Text(name, v);
                        break;
                    case "time":
                        c.Time = TimeOf(v);
                        break;
                    default:
                        throw new BuiltinException($"unknown token validation constraint: {name}");
                }
            }

            if (c.Time < 0)
            {
                c.Time = now;
            }

            var count = (c.Keys is not null ? 1 : 0) + (c.Secret.Length > 0 ? 1 : 0);
            return count switch
            {
                > 1 => throw new BuiltinException("duplicate key constraints"),
                < 1 => throw new BuiltinException("no key constraint"),
                _ => c,
            };
        }

        private static string Text(string name, Value v) => v is StringValue s ? s.Value : throw new BuiltinException($"{name} constraint: must be a string");

        private static double TimeOf(Value v)
        {
            if (v is not NumberValue n)
            {
                throw new BuiltinException("token time constraint: must be a number");
            }

            return n.AsDouble < 0 ? throw new BuiltinException("token time constraint: must not be negative") : n.AsDouble;
        }

        public bool Verify(string kid, string alg, byte[] input, byte[] signature)
        {
            if (Keys is not null)
            {
                if (kid.Length > 0 && Keys.Find(k => k.Kid == kid) is { } byKid)
                {
                    return byKid.Verify(alg, input, signature);
                }

                return Keys.Exists(k => (k.Alg.Length == 0 || k.Alg == alg) && k.Verify(alg, input, signature));
            }

            return JwtKey.FromSecret(Secret).Verify(alg, input, signature);
        }
    }
}
