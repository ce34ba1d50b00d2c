namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>How token predictions become entities (the names of Hugging Face's token-classification pipeline).</summary>
internal enum NerAggregation
{
    /// <summary>Each word takes the label of its first sub-word token; spans cover whole words (the default).</summary>
    First,

    /// <summary>Each sub-word token keeps its own label; spans cover the tokens.</summary>
    Simple,
}
