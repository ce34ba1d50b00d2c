using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Policy.Builtins;

/// <summary>
/// AWS Signature Version 4 over a request described by method, URL, headers and body, as OPA's
/// <c>providers.aws.sign_req</c> computes it: the canonical request signs <c>host</c>, <c>x-amz-date</c>, the
/// optional <c>x-amz-content-sha256</c> (S3 and Glacier) and <c>x-amz-security-token</c>, and every request header
/// except <c>authorization</c>, <c>user-agent</c> and <c>x-amzn-trace-id</c>.
/// </summary>
internal static class AwsSigV4
{
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.Ordinal) { "authorization", "user-agent", "x-amzn-trace-id" };

    public static (string Authorization, SortedDictionary<string, string> AwsHeaders) Sign(
        IReadOnlyDictionary<string, string> headers, string method, string url, byte[] body, string service, Credentials credentials, long unixNanoseconds, bool disablePayloadSigning)
    {
        var parsed = GoUrl.Parse(url);
        var now = Instant(unixNanoseconds);
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var timestamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var contentHash = disablePayloadSigning ? "UNSIGNED-PAYLOAD" : Hex(SHA256.HashData(body));

        var awsHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = parsed.Host,
            ["x-amz-date"] = timestamp,
        };
        if (service is "s3" or "glacier")
        {
            awsHeaders["x-amz-content-sha256"] = contentHash;
        }

        if (credentials.SessionToken.Length > 0)
        {
            awsHeaders["x-amz-security-token"] = credentials.SessionToken;
        }

        var toSign = new SortedDictionary<string, string>(awsHeaders, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (!IgnoredHeaders.Contains(lower))
            {
                toSign[lower] = value;
            }
        }

        var canonical = new StringBuilder();
        canonical.Append(method).Append('\n').Append(parsed.EscapedPath).Append('\n').Append(parsed.RawQuery).Append('\n');
        foreach (var (name, value) in toSign)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        var signedHeaders = string.Join(';', toSign.Keys);
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(contentHash);

        var scope = $"{date}/{credentials.Region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Mac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Mac(key, credentials.Region);
        key = Mac(key, service);
        key = Mac(key, "aws4_request");
        var signature = Hex(Mac(key, stringToSign));
        var authorization = $"AWS4-HMAC-SHA256 Credential={credentials.AccessKey}/{scope},SignedHeaders={signedHeaders},Signature={signature}";
        return (authorization, awsHeaders);
    }

    /// <summary>The UTC instant of a Unix time in nanoseconds, rounded down to whole ticks (as Go truncates to seconds when formatting).</summary>
    private static DateTimeOffset Instant(long unixNanoseconds)
    {
        var ticks = Math.DivRem(unixNanoseconds, 100, out var rest);
        if (rest < 0)
        {
            ticks--;
        }

        var max = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks;
        var min = (DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks;
        return ticks < min || ticks > max
            ? throw new BuiltinException("time_ns is outside the years 1 to 9999")
            : DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    private static byte[] Mac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The signing credentials (an empty session token means none).</summary>
    /// <param name="AccessKey">The access key id.</param>
    /// <param name="SecretKey">The secret access key.</param>
    /// <param name="Region">The region.</param>
    /// <param name="SessionToken">The session token, or empty.</param>
    public sealed record Credentials(string AccessKey, string SecretKey, string Region, string SessionToken);
}
