using System.Globalization;
using Steward.Drift.Io;

namespace Steward.Drift.Performance;

/// <summary>Class labels compare as numbers when they are numbers (<c>1.0</c> is class <c>1</c>), as text otherwise.</summary>
internal static class ClassLabel
{
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return TableReader.TryNumber(label, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : label.Trim();
    }
}
