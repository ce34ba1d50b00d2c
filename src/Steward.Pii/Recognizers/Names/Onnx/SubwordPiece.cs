namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>One sub-word token: its vocabulary id, its characters <c>[Start, End)</c> in the original text and the index of its word.</summary>
internal readonly record struct SubwordPiece(int Id, int Start, int End, int Word);
