namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// PERSON, LOCATION, ORGANIZATION and NRP from a user-supplied ONNX token-classification model (a Hugging Face
/// BERT/DistilBERT/RoBERTa NER model exported with optimum), next to the gazetteer recognizers. It reports only
/// the types the model's labels name; where it and a gazetteer find the same span, the engine's duplicate removal
/// keeps the better-scored result.
/// </summary>
internal sealed class OnnxNerRecognizer : Recognizer
{
    /// <summary>The name in <c>GET /recognizers</c> and explanations.</summary>
    public const string RecognizerName = "OnnxNerRecognizer";

    private readonly NerModel _model;
    private readonly NerAggregation _aggregation;

    /// <summary>Creates the recognizer over a loaded model.</summary>
    public OnnxNerRecognizer(NerModel model, NerAggregation aggregation = NerAggregation.First)
        : base(RecognizerName, model.Config.Labels.Entities)
    {
        _model = model;
        _aggregation = aggregation;
    }

    /// <summary>Loads (once per process) the model in <paramref name="directory"/>; throws <see cref="NerModelException"/> when it cannot be used.</summary>
    public static OnnxNerRecognizer Load(string directory) => new(NerModelCache.Get(directory));

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        var wanted = false;
        foreach (var entity in SupportedEntities) wanted |= sink.Wants(entity);
        if (!wanted || context.Text.Length == 0) return;
        foreach (var span in _model.Predict(context.Text, _aggregation))
        {
            sink.Add(this, span.EntityType, span.Start, span.End, span.Score, patternName: "onnx-ner",
                textualExplanation: sink.Explains ? $"Identified as {span.EntityType} by the ONNX token-classification model (mean label probability {span.Score:0.00})" : null);
        }
    }
}
