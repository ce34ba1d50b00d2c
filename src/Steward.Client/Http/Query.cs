using System.Globalization;
using System.Text;

namespace Steward.Client.Http;

/// <summary>Builds a relative path with a query string, skipping absent parameters.</summary>
internal sealed class Query(string path)
{
    private readonly StringBuilder _text = new(path);
    private bool _first = true;

    public Query Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public Query Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public Query Add(string name, DateTimeOffset? value) =>
        Add(name, value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    public Query Page(string? cursor, int? limit) => Add("cursor", cursor).Add("limit", limit);

    public override string ToString() => _text.ToString();

    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}
