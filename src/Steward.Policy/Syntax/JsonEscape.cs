using System.Globalization;

namespace Steward.Policy.Syntax;

/// <summary>JSON's string escapes, which Rego strings and GraphQL strings share: the one-letter ones and <c>\uXXXX</c>.</summary>
internal static class JsonEscape
{
    /// <summary>The character a one-letter escape (the letter after the backslash) stands for, or null.</summary>
    public static char? Simple(char letter) => letter switch
    {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => null,
    };

    /// <summary>The UTF-16 unit of the four hex digits starting at <paramref name="hex"/>'s start, when there are four.</summary>
    public static bool TryHex4(ReadOnlySpan<char> hex, out char unit)
    {
        unit = '\0';
        if (hex.Length < 4 || !int.TryParse(hex[..4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        unit = (char)code;
        return true;
    }
}
