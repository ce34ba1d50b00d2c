namespace Steward.Pii.Recognizers.Names;

/// <summary>The built-in recognizers of people, places, nationalities/religious/political groups and organisations.</summary>
public static class DefaultNameRecognizers
{
    /// <summary>Creates one instance of each.</summary>
    public static IReadOnlyList<Recognizer> Create(PiiEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<Recognizer> recognizers = [new GazetteerNameRecognizer()];
        // An optional ONNX token-classification recognizer (Recognizers/Names/Onnx) is added here when configured.
        return recognizers;
    }
}
