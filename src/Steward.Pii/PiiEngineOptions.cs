namespace Steward.Pii;

/// <summary>Settings of the default recognizers and the analyzer (configuration section <c>Pii</c> on the server).</summary>
public sealed class PiiEngineOptions
{
    /// <summary>How context words raise scores.</summary>
    public ContextEnhancerOptions Context { get; init; } = new();

    /// <summary>Regions whose numbering plans the phone recognizer accepts (Presidio's: US, GB, DE, FR, IL, IN, CA, BR).</summary>
    public IReadOnlyList<string> PhoneRegions { get; init; } = ["US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"];

    /// <summary>
    /// A folder holding an ONNX token-classification model (<c>model.onnx</c> plus its tokenizer files) used for
    /// PERSON, LOCATION, NRP and ORGANIZATION next to the gazetteers; null (the default) uses no model.
    /// </summary>
    public string? NerModelDirectory { get; init; }
}
