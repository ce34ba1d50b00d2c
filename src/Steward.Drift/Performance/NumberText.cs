using System.Globalization;

namespace Steward.Drift.Performance;

/// <summary>A number's round-trip text (<c>"R"</c>, invariant), with small integers (the usual class labels) cached.</summary>
internal static class NumberText
{
    private const int Cached = 256;
    private static readonly string[] Small = Enumerable.Range(0, Cached).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string Of(double value)
    {
        if (value >= 0 && value < Cached && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value))) return Small[(int)value];
        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
