namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>An entity found by the model: Presidio's entity type, character offsets in the original text, mean probability.</summary>
internal readonly record struct NerSpan(string EntityType, int Start, int End, double Score);
