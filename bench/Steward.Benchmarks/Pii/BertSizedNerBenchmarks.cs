using BenchmarkDotNet.Attributes;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// What a real BERT-base NER model costs per KB, measured with <see cref="BertSizedProxyModel"/> (BERT-base's matrix
/// sizes, untrained weights) through the same recognizer code.
/// </summary>
[MemoryDiagnoser]
public class BertSizedNerBenchmarks
{
    private string _folder = "";
    private NerModel _model = null!;
    private string _text = "";

    /// <summary>Text size in bytes.</summary>
    [Params(1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = OnnxNerFixture.Create(bertSized: true);
        _model = NerModelCache.Get(_folder);
        _text = OnnxNerFixture.Text(Size);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>The recognizer's whole work on the text.</summary>
    [Benchmark]
    public int Predict() => _model.Predict(_text, NerAggregation.First).Count;
}
