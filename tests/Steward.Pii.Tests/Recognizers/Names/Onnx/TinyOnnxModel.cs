namespace Steward.Pii.Tests.Recognizers.Names.Onnx;

/// <summary>
/// Writes a real ONNX token-classification model: <c>logits = Gather(embedding, input_ids)</c>, so each vocabulary
/// token has fixed logits over the labels ([batch, sequence] int64 in, [batch, sequence, labels] float out, dynamic
/// batch and sequence). Field numbers follow onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto).
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1;
    private const int Int64 = 7;
    private const int Int32 = 6;

    /// <param name="logits">One row per vocabulary id, <paramref name="labelCount"/> values each.</param>
    /// <param name="labelCount">The number of labels.</param>
    /// <param name="inputs">The model's inputs besides input_ids (attention_mask, token_type_ids, or any name).</param>
    /// <param name="declaredLabels">The label dimension written into the output's type (null: dynamic, and not inferable).</param>
    /// <param name="int32Inputs">Whether the inputs are int32 rather than int64 (Gather takes either).</param>
    public static byte[] Build(float[][] logits, int labelCount, IReadOnlyList<string> inputs, int? declaredLabels, bool int32Inputs = false)
    {
        var raw = new byte[logits.Length * labelCount * 4];
        for (var v = 0; v < logits.Length; v++)
        {
            for (var l = 0; l < labelCount; l++) BitConverter.TryWriteBytes(raw.AsSpan(((v * labelCount) + l) * 4), logits[v][l]);
        }
        var elem = int32Inputs ? Int32 : Int64;
        return new ProtoWriter()
            .Int(1, 8) // ir_version
            .String(2, "steward-tests") // producer_name
            .Message(7, graph =>
            {
                graph.Message(1, node => node.String(1, "embedding").String(1, "input_ids").String(2, "logits").String(3, "lookup").String(4, "Gather"));
                graph.String(2, "tiny-ner");
                graph.Message(5, tensor =>
                {
                    tensor.Int(1, logits.Length).Int(1, labelCount).Int(2, Float).String(8, "embedding").Bytes(9, raw);
                });
                graph.Message(11, input => ValueInfo(input, "input_ids", elem, null));
                if (declaredLabels is null)
                {
                    // The embedding is also a graph input (an overridable initializer) with a symbolic label dimension,
                    // so the runtime cannot infer the output's label count before running.
                    graph.Message(11, input => input.String(1, "embedding").Message(2, type => type.Message(1, tensor => tensor.Int(1, Float)
                        .Message(2, shape => shape.Message(1, dim => dim.Int(1, logits.Length)).Message(1, dim => dim.String(2, "labels"))))));
                }
                foreach (var name in inputs) graph.Message(11, input => ValueInfo(input, name, elem, null));
                graph.Message(12, output => ValueInfo(output, "logits", Float, declaredLabels ?? -1));
            })
            .Message(8, opset => opset.String(1, "").Int(2, 13))
            .ToArray();
    }

    private static void ValueInfo(ProtoWriter info, string name, int elementType, int? labels)
    {
        info.String(1, name);
        info.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int(1, elementType);
            tensor.Message(2, shape =>
            {
                shape.Message(1, dim => dim.String(2, "batch"));
                shape.Message(1, dim => dim.String(2, "sequence"));
                if (labels is { } l) shape.Message(1, dim => { if (l > 0) dim.Int(1, l); else dim.String(2, "labels"); });
            });
        }));
    }
}
