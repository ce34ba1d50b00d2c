namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>What a model input holds.</summary>
internal enum NerInputKind
{
    /// <summary>Token ids (<c>input_ids</c>).</summary>
    Ids,

    /// <summary>1 for real tokens, 0 for padding (<c>attention_mask</c>).</summary>
    Mask,

    /// <summary>Segment ids, all 0 (<c>token_type_ids</c>).</summary>
    TokenTypes,
}
