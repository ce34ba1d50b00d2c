namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>A word of the text as BERT's basic tokenizer splits it: <c>[Start, End)</c> in the original text.</summary>
internal readonly record struct NerWord(int Start, int End);
