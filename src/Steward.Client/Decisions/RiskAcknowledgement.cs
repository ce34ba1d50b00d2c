using System.Text.Json.Serialization;

namespace Steward.Client;

/// <summary>
/// The <c>risk_acknowledged</c> member of a decision: either a text naming the accepted risk or a
/// plain boolean. It is written to JSON as a string or as <c>true</c>/<c>false</c>.
/// </summary>
[JsonConverter(typeof(RiskAcknowledgementJsonConverter))]
public sealed record RiskAcknowledgement
{
    private RiskAcknowledgement(string? text, bool? flag)
    {
        Text = text;
        Flag = flag;
    }

    /// <summary>The acknowledged risk as text, or <see langword="null"/> when the value is a boolean.</summary>
    public string? Text { get; }

    /// <summary>The boolean value, or <see langword="null"/> when the value is a text.</summary>
    public bool? Flag { get; }

    /// <summary>Creates a text acknowledgement.</summary>
    /// <param name="text">The risk that is accepted.</param>
    /// <returns>The acknowledgement.</returns>
    public static RiskAcknowledgement FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RiskAcknowledgement(text, null);
    }

    /// <summary>Creates a boolean acknowledgement.</summary>
    /// <param name="flag">Whether the risk is acknowledged.</param>
    /// <returns>The acknowledgement.</returns>
    public static RiskAcknowledgement FromBoolean(bool flag) => new(null, flag);

    /// <summary>Creates a text acknowledgement.</summary>
    /// <param name="text">The risk that is accepted.</param>
    public static implicit operator RiskAcknowledgement(string text) => FromString(text);

    /// <summary>Creates a boolean acknowledgement.</summary>
    /// <param name="flag">Whether the risk is acknowledged.</param>
    public static implicit operator RiskAcknowledgement(bool flag) => FromBoolean(flag);

    /// <summary>The text, or <c>true</c>/<c>false</c>.</summary>
    /// <returns>The value as text.</returns>
    public override string ToString() =>
        Text ?? (Flag is true ? "true" : "false");
}
