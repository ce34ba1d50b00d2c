using Steward.Pii.Tests.Recognizers.Names.Onnx;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// An ONNX model with BERT-base's compute: 12 layers of single-head self-attention over 768 dimensions
/// (Q, K, V and output projections, scores, softmax) and a 768→3072→768 feed-forward block with residual additions,
/// then a classification layer. Layers share their weights (28 MB instead of 340 MB) and layer norms are left out,
/// which changes nothing the timing depends on. No trained weights are needed to see what a real model costs.
/// </summary>
internal static class BertSizedProxyModel
{
    private const int Hidden = 768;
    private const int FeedForward = 3072;
    private const int Layers = 12;

    public static byte[] Build(int vocabulary, int labels)
    {
        var random = new Random(7);
        byte[] Weights(int rows, int cols)
        {
            var bytes = new byte[rows * cols * 4];
            for (var i = 0; i < rows * cols; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), (float)((random.NextDouble() - 0.5) * 0.02));
            return bytes;
        }
        var initializers = new (string Name, int Rows, int Cols)[]
        {
            ("emb", vocabulary, Hidden), ("wq", Hidden, Hidden), ("wk", Hidden, Hidden), ("wv", Hidden, Hidden), ("wo", Hidden, Hidden),
            ("w1", Hidden, FeedForward), ("w2", FeedForward, Hidden), ("wc", Hidden, labels),
        };
        return new ProtoWriter()
            .Int(1, 8)
            .String(2, "steward-bench")
            .Message(7, graph =>
            {
                void Node(string op, string output, string[] inputs, Action<ProtoWriter>? attribute = null) => graph.Message(1, node =>
                {
                    foreach (var input in inputs) node.String(1, input);
                    node.String(2, output).String(3, output).String(4, op);
                    if (attribute is not null) node.Message(5, attribute);
                });
                Node("Gather", "embedded", ["emb", "input_ids"]);
                var h = "embedded";
                for (var l = 0; l < Layers; l++)
                {
                    string N(string name) => $"{name}{l}";
                    Node("MatMul", N("q"), [h, "wq"]);
                    Node("MatMul", N("k"), [h, "wk"]);
                    Node("MatMul", N("v"), [h, "wv"]);
                    Node("Transpose", N("kt"), [N("k")], a => a.String(1, "perm").Int(20, 7).Int(8, 0).Int(8, 2).Int(8, 1));
                    Node("MatMul", N("s"), [N("q"), N("kt")]);
                    Node("Softmax", N("p"), [N("s")], a => a.String(1, "axis").Int(20, 2).Int(3, -1));
                    Node("MatMul", N("c"), [N("p"), N("v")]);
                    Node("MatMul", N("o"), [N("c"), "wo"]);
                    Node("Add", N("a"), [N("o"), h]);
                    Node("MatMul", N("f"), [N("a"), "w1"]);
                    Node("Relu", N("r"), [N("f")]);
                    Node("MatMul", N("g"), [N("r"), "w2"]);
                    Node("Add", N("h"), [N("g"), N("a")]);
                    h = N("h");
                }
                Node("MatMul", "logits", [h, "wc"]);
                graph.String(2, "bert-sized-proxy");
                foreach (var (name, rows, cols) in initializers)
                {
                    graph.Message(5, t => t.Int(1, rows).Int(1, cols).Int(2, 1).String(8, name).Bytes(9, Weights(rows, cols)));
                }
                graph.Message(11, i => Tensor(i, "input_ids", 7, null));
                graph.Message(11, i => Tensor(i, "attention_mask", 7, null));
                graph.Message(12, o => Tensor(o, "logits", 1, labels));
            })
            .Message(8, opset => opset.String(1, "").Int(2, 13))
            .ToArray();
    }

    private static void Tensor(ProtoWriter info, string name, int elementType, int? last)
    {
        info.String(1, name).Message(2, type => type.Message(1, tensor => tensor.Int(1, elementType).Message(2, shape =>
        {
            shape.Message(1, d => d.String(2, "batch"));
            shape.Message(1, d => d.String(2, "sequence"));
            if (last is { } l) shape.Message(1, d => d.Int(1, l));
        })));
    }
}
