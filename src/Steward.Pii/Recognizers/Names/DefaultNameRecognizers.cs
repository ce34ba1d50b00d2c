namespace Steward.Pii.Recognizers.Names;

/// <summary>The built-in recognizers of people, places, nationalities/religious/political groups and organisations.</summary>
public static class DefaultNameRecognizers
{
    /// <summary>
    /// Creates one instance of each. With <see cref="PiiEngineOptions.NerModelDirectory"/> set, the ONNX model is
    /// loaded and checked here (once per process), so a broken model folder fails at start-up with
    /// <see cref="Onnx.NerModelException"/>.
    /// </summary>
    public static IReadOnlyList<Recognizer> Create(PiiEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<Recognizer> recognizers = [new GazetteerNameRecognizer()];
        // The optional ONNX token-classification model runs beside the gazetteers; duplicate removal keeps the better-scored result of a span.
        if (!string.IsNullOrWhiteSpace(options.NerModelDirectory)) recognizers.Add(Onnx.OnnxNerRecognizer.Load(options.NerModelDirectory));
        return recognizers;
    }
}
