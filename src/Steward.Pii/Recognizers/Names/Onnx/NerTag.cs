namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>One model label read as a tag: its entity type (null for outside or unknown labels) and whether it begins an entity.</summary>
internal readonly record struct NerTag(string? EntityType, bool Begins);
