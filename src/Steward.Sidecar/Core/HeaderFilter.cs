using Microsoft.AspNetCore.Http;
using Steward.Policy.Values;

namespace Steward.Sidecar.Core;

/// <summary>
/// The request headers a policy sees: names in lower case, values joined with <c>", "</c>, and never a credential:
/// <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and any name holding <c>key</c>, <c>token</c>,
/// <c>secret</c>, <c>password</c> or <c>session</c> are left out.
/// </summary>
internal static class HeaderFilter
{
    private static readonly string[] SecretParts = ["key", "token", "secret", "password", "session", "auth", "cookie"];

    public static bool IsSecret(string name)
    {
        foreach (var part in SecretParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    public static ObjectValue Visible(IHeaderDictionary headers)
    {
        var builder = new ObjectBuilder();
        foreach (var (name, values) in headers)
        {
            if (IsSecret(name)) continue;
            builder.Set(new StringValue(name.ToLowerInvariant()), new StringValue(values.ToString()));
        }

        return builder.Build();
    }
}
