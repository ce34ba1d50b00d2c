using System.Globalization;
using Steward.Drift.Io;

namespace Steward.Drift.Performance;

/// <summary>Class labels compare as numbers when they are numbers (<c>1.0</c> is class <c>1</c>), as text otherwise.</summary>
internal static class ClassLabel
{
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (IsCanonicalInteger(label)) return label;   // "0", "1", "42": already the number's shortest form, no parse
        if (label.Length > 0 && char.IsAsciiLetter(label[0]) && label[0] is not ('n' or 'N' or 'i' or 'I')) return label.Trim();   // a word: not a number
        return TableReader.TryNumber(label, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : label.Trim();
    }

    /// <summary>An optional minus and up to 15 digits without a leading zero: exactly how "R" formats that integer.</summary>
    private static bool IsCanonicalInteger(string s)
    {
        var start = s.Length > 0 && s[0] == '-' ? 1 : 0;
        var digits = s.Length - start;
        if (digits is < 1 or > 15 || (s[start] == '0' && digits > 1)) return false;
        for (var i = start; i < s.Length; i++)
            if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }
}
