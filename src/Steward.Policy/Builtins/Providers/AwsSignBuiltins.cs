using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// <c>providers.aws.sign_req(request, aws_config, time_ns)</c>: signs an <c>http.send</c> request object with AWS
/// Signature Version 4 and returns it with its headers replaced by the original ones plus <c>Authorization</c>,
/// <c>host</c>, <c>x-amz-date</c> and, where they apply, <c>x-amz-content-sha256</c> and <c>x-amz-security-token</c>.
/// Signing is local and deterministic (the time is an argument); nothing is sent.
/// </summary>
internal static class AwsSignBuiltins
{
    private static readonly string[] RequiredConfigKeys = ["aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"];

    /// <summary>The keys an <c>http.send</c> request object may have (OPA's list).</summary>
    private static readonly HashSet<string> RequestKeys = new(StringComparer.Ordinal)
    {
        "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body",
        "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
        "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
        "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache", "force_cache",
        "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts", "cache_ignored_headers",
    };

    public static void Register(BuiltinRegistry r) => r.Register("providers.aws.sign_req", 3, (_, a) => SignRequest(a));

    private static ObjectValue SignRequest(ReadOnlySpan<Value> a)
    {
        var request = Operand.Object(a, 0);
        var config = a[1] as ObjectValue ?? throw new OperandTypeException(2, "object", a[1]);
        CheckConfig(config);
        var time = a[2] as NumberValue ?? throw new OperandTypeException(3, "number", a[2]);
        if (!time.TryGetInt64(out var nanoseconds))
        {
            throw OperandErrors.Other(3, "could not convert time_ns value into a unix timestamp");
        }

        CheckRequest(request);
        var headers = request.Get("headers") switch
        {
            null => ObjectValue.Empty,
            ObjectValue o => o,
            var other => throw new OperandTypeException(1, "object", other),
        };
        var url = request.Get("url") as StringValue;
        var method = request.Get("method") as StringValue;
        var invalid = new List<Value>();
        if (url is null)
        {
            invalid.Add(new StringValue("url"));
        }

        if (method is null)
        {
            invalid.Add(new StringValue("method"));
        }

        if (url is null || method is null)
        {
            throw OperandErrors.Other(1, $"invalid values for required request parameters(s): {SetValue.From(invalid)}");
        }

        var disablePayloadSigning = config.Get("disable_payload_signing") switch
        {
            null => false,
            BooleanValue b => b.Value,
            _ => throw OperandErrors.Other(2, "invalid value for 'disable_payload_signing' in AWS config"),
        };

        var headerMap = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Keys.Length; i++)
        {
            headerMap[TextOf(headers.Keys[i])] = TextOf(headers.Values[i]);
        }

        var credentials = new AwsSigV4.Credentials(
            TextOf(config.Get("aws_access_key")),
            TextOf(config.Get("aws_secret_access_key")),
            TextOf(config.Get("aws_region")),
            TextOf(config.Get("aws_session_token")));
        var (authorization, awsHeaders) = AwsSigV4.Sign(
            headerMap, method.Value, url.Value, Body(request), TextOf(config.Get("aws_service")), credentials, nanoseconds, disablePayloadSigning);

        var signed = new ObjectBuilder();
        foreach (var (k, v) in headerMap)
        {
            signed.Set(new StringValue(k), new StringValue(v));
        }

        signed.Set(new StringValue("Authorization"), new StringValue(authorization));
        foreach (var (k, v) in awsHeaders)
        {
            signed.Set(new StringValue(k), new StringValue(v));
        }

        var result = new ObjectBuilder();
        for (var i = 0; i < request.Keys.Length; i++)
        {
            result.Set(request.Keys[i], request.Values[i]);
        }

        result.Set(new StringValue("headers"), signed.Build());
        return result.Build();
    }

    private static void CheckConfig(ObjectValue config)
    {
        var missing = RequiredConfigKeys.Where(k => config.Get(k) is null).Select(k => (Value)new StringValue(k)).ToList();
        if (missing.Count > 0)
        {
            throw OperandErrors.Other(2, $"missing required AWS config parameters(s): {SetValue.From(missing)}");
        }

        var invalid = RequiredConfigKeys.Where(k => config.Get(k) is not StringValue).Select(k => (Value)new StringValue(k)).ToList();
        if (invalid.Count > 0)
        {
            throw OperandErrors.Other(2, $"invalid values for required AWS config parameters(s): {SetValue.From(invalid)}");
        }
    }

    /// <summary>The checks <c>http.send</c> makes on its request object: only known keys, and method and url present.</summary>
    private static void CheckRequest(ObjectValue request)
    {
        var unknown = request.Keys.ToArray().Where(k => k is not StringValue s || !RequestKeys.Contains(s.Value)).ToList();
        if (unknown.Count > 0)
        {
            throw OperandErrors.Other(1, $"invalid request parameters(s): {SetValue.From(unknown)}");
        }

        var missing = new[] { "method", "url" }.Where(k => request.Get(k) is null).Select(k => (Value)new StringValue(k)).ToList();
        if (missing.Count > 0)
        {
            throw OperandErrors.Other(1, $"missing required request parameters(s): {SetValue.From(missing)}");
        }
    }

    /// <summary>The body as sent: <c>raw_body</c> as is, else <c>body</c> as JSON, else nothing.</summary>
    private static byte[] Body(ObjectValue request)
    {
        if (request.Get("raw_body") is { } raw)
        {
            return System.Text.Encoding.UTF8.GetBytes(TextOf(raw));
        }

        return request.Get("body") is { } body ? System.Text.Encoding.UTF8.GetBytes(GoJson.Marshal(body)) : [];
    }

    /// <summary>A string's text; any other value (or none) counts as the empty string, as in OPA.</summary>
    private static string TextOf(Value? value) => value is StringValue s ? s.Value : string.Empty;
}
