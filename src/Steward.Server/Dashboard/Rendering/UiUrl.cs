using System.Text;

namespace Steward.Server.Dashboard.Rendering;

/// <summary>Builds dashboard URLs with escaped query strings (the HTML encoder then escapes them for attributes).</summary>
internal static class UiUrl
{
    /// <summary><paramref name="path"/> with the non-empty parameters as its query string.</summary>
    public static string With(string path, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value)) continue;
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return builder.ToString();
    }

    /// <summary>
    /// Where to go after signing in: a path inside the dashboard, never another site (no scheme, no <c>//</c>,
    /// no backslash) and never the sign-in or sign-out page itself.
    /// </summary>
    public static string SafeReturn(string? url)
    {
        const string fallback = "/ui/inventory";
        if (string.IsNullOrEmpty(url) || !url.StartsWith("/ui", StringComparison.Ordinal)) return fallback;
        if (url.Length > 3 && url[3] is not ('/' or '?')) return fallback;
        if (url.Contains('\\', StringComparison.Ordinal) || url.Contains("//", StringComparison.Ordinal) || url.Any(char.IsControl)) return fallback;
        if (url.StartsWith("/ui/login", StringComparison.Ordinal) || url.StartsWith("/ui/logout", StringComparison.Ordinal)) return fallback;
        return url;
    }
}
