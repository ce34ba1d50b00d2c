using BenchmarkDotNet.Attributes;
using Steward.Pii;
using Steward.Pii.Recognizers.Names;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// The name, place and organisation recognizer on mixed English text, one document of 64 KB and one chat-sized
/// message per operation; MB/s = document size / mean time. The gazetteer is loaded in the setup.
/// </summary>
[MemoryDiagnoser]
public class NameRecognizerBenchmarks
{
    private readonly GazetteerNameRecognizer _recognizer = new();
    private string _document = "";
    private string _message = "";

    /// <summary>Size of the document in characters (ASCII mostly, so about bytes).</summary>
    public const int DocumentSize = 64 * 1024;

    [GlobalSetup]
    public void Setup()
    {
        _document = MixedEnglishText.Build(DocumentSize);
        _message = "Hi, this is Ingrid Johansson from Leeds, please send the contract to 14 Via Garibaldi, Milano.";
        Run(_document);
    }

    [Benchmark(Description = "names: 64 KB mixed text")]
    public int Document() => Run(_document);

    [Benchmark(Description = "names: one chat message")]
    public int Message() => Run(_message);

    private int Run(string text)
    {
        var context = new AnalysisContext(text);
        var sink = new ResultSink();
        _recognizer.Analyze(context, sink);
        return sink.Results.Count;
    }
}
