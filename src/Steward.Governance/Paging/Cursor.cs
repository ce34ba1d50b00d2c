using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Steward.Governance.Errors;

namespace Steward.Governance.Paging;

/// <summary>Opaque cursors for keyset pagination (base64url of the last key seen).</summary>
public static class Cursor
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Encodes a key.</summary>
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>Encodes an integer key.</summary>
    public static string Encode(long key) => Encode(key.ToString(CultureInfo.InvariantCulture));

    /// <summary>Decodes a cursor, or reports a validation error.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new ValidationFailedException("cursor", "not a cursor returned by this API");
        }
    }

    /// <summary>Decodes an integer cursor.</summary>
    public static long? DecodeLong(string? cursor)
    {
        var text = Decode(cursor);
        if (text is null) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ValidationFailedException("cursor", "not a cursor returned by this API");
    }

    /// <summary>Validates a page size (default 50).</summary>
    public static int Limit(int? limit) => limit switch
    {
        null => 50,
        < 1 or > MaxLimit => throw new ValidationFailedException("limit", $"must be between 1 and {MaxLimit}"),
        _ => limit.Value,
    };
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="NextCursor">Cursor of the next page, or null at the end.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
