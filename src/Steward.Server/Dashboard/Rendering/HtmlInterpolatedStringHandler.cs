using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Steward.Server.Dashboard.Rendering;

/// <summary>
/// Builds <see cref="Html"/> from an interpolated string: literals are copied, values are HTML-encoded (quotes
/// included, so values are safe in quoted attributes too). There is deliberately no overload for
/// <see cref="object"/> or a generic value: anything else must be turned into text or markup explicitly.
/// </summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolatedStringHandler
{
    /// <summary>Encodes markup-significant characters; leaves other Unicode text readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder;

    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount) =>
        _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(Html value) => _builder.Append(value.ToString());

    public readonly void AppendFormatted(IEnumerable<Html> values)
    {
        foreach (var value in values) _builder.Append(value.ToString());
    }

    public readonly void AppendFormatted(string? value)
    {
        if (!string.IsNullOrEmpty(value)) _builder.Append(Encoder.Encode(value));
    }

    public readonly void AppendFormatted(long value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly Html ToHtml() => Html.FromTrusted(_builder.ToString());
}
