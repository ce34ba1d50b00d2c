using BenchmarkDotNet.Attributes;
using Steward.Pii;
using Steward.Pii.Recognizers.Names.Onnx;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// The ONNX NER recognizer's own cost with a tiny model (see <see cref="OnnxNerFixture"/>): tokenizing alone, and
/// the whole analysis (tokenizing, 512-token windows in batches of 8, ONNX Runtime, aggregation) through the engine.
/// A real BERT-base model adds its own compute on top (see docs/PII.md).
/// </summary>
[MemoryDiagnoser]
public class OnnxNerBenchmarks
{
    private string _folder = "";
    private NerModel _model = null!;
    private AnalyzerEngine _engine = null!;
    private string _text = "";

    /// <summary>Text size in bytes.</summary>
    [Params(1024, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = OnnxNerFixture.Create();
        _model = NerModelCache.Get(_folder);
        var options = new PiiEngineOptions { NerModelDirectory = _folder };
        _engine = new AnalyzerEngine(new RecognizerRegistry(Steward.Pii.Recognizers.Names.DefaultNameRecognizers.Create(options)), options);
        _text = OnnxNerFixture.Text(Size);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Splitting and WordPiece only: the tokens the model would get.</summary>
    [Benchmark]
    public int Tokenize()
    {
        var words = new List<NerWord>();
        NerTextSplitter.Split(_text, words);
        var pieces = new List<SubwordPiece>(words.Count * 2);
        for (var i = 0; i < words.Count; i++) _model.Encoder.Encode(_text, words[i], i, pieces);
        return pieces.Count;
    }

    /// <summary>Tokenizing, windows, ONNX Runtime and aggregation: the recognizer's whole work.</summary>
    [Benchmark]
    public int Predict() => _model.Predict(_text, NerAggregation.First).Count;

    /// <summary>The whole analysis through the engine with only the model's recognizer.</summary>
    [Benchmark]
    public int Analyze() => _engine.Analyze(_text).Count;
}
