using System.Globalization;
using System.Net;

namespace Steward.Drift.Reports;

/// <summary>Escaping and number formatting for the HTML report and its SVG charts: every name and label is user data.</summary>
internal static class Html
{
    /// <summary>Text safe inside an element or a double-quoted attribute (&amp; &lt; &gt; " ' escaped).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A short number for people: 4 significant digits, "–" when undefined.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "–" : double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞"
            : value.ToString(Math.Abs(value) is >= 1e-4 and < 1e6 or 0 ? "0.####" : "0.###e0", CultureInfo.InvariantCulture);

    /// <summary>A coordinate for SVG: invariant, at most one decimal.</summary>
    public static string Px(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
