using System.Text;

namespace Steward.Server.Dashboard.Rendering;

/// <summary>
/// A fragment of HTML that is safe to write as it is. The only way to make one is an interpolated string
/// (<see cref="Of"/>): its literal text is trusted markup and every interpolated value is HTML-encoded,
/// unless the value is itself <see cref="Html"/>.
/// </summary>
internal readonly struct Html : IEquatable<Html>
{
    private readonly string? _value;

    private Html(string value) => _value = value;

    /// <summary>No markup.</summary>
    public static Html Empty => default;

    /// <summary>Builds markup: <c>Html.Of($"&lt;td&gt;{name}&lt;/td&gt;")</c> encodes <c>name</c>.</summary>
    public static Html Of(HtmlInterpolatedStringHandler handler) => handler.ToHtml();

    /// <summary>Markup for a piece of text (encoded).</summary>
    public static Html Text(string? text) => Of($"{text}");

    /// <summary>Concatenates fragments.</summary>
    public static Html Join(IEnumerable<Html> fragments)
    {
        var builder = new StringBuilder();
        foreach (var fragment in fragments) builder.Append(fragment._value);
        return new Html(builder.ToString());
    }

    /// <summary>Only the interpolated string handler creates markup from strings.</summary>
    internal static Html FromTrusted(string markup) => new(markup);

    /// <summary>The markup.</summary>
    public override string ToString() => _value ?? "";

    /// <inheritdoc />
    public bool Equals(Html other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Html other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(Html left, Html right) => left.Equals(right);

    public static bool operator !=(Html left, Html right) => !left.Equals(right);
}
