using System.Text;
using BenchmarkDotNet.Attributes;
using Steward.Pii.Anonymization;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// The anonymizer on a 10 KB text with 100 entities (some overlapping, as analyzer output does): conflict
/// resolution plus one operator for every entity. Throughput = 10 KB / mean time.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class AnonymizerBenchmarks
{
    private readonly AnonymizerEngine _engine = new();
    private string _text = "";
    private List<EntitySpan> _spans = [];
    private Dictionary<string, OperatorConfig> _operators = [];

    [Params("replace", "mask", "hash", "encrypt")]
    public string Operator { get; set; } = "replace";

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        var spans = new List<EntitySpan>();
        var random = new Random(7);
        while (sb.Length < 10_000)
        {
            sb.Append("Please contact our agent at the branch about the order. ");
            var start = sb.Length;
            sb.Append(random.Next(1000, 9999)).Append(' ').Append(random.Next(1000, 9999)).Append(' ').Append(random.Next(1000, 9999)).Append(' ').Append(random.Next(1000, 9999));
            spans.Add(new EntitySpan("CREDIT_CARD", start, sb.Length, 1.0));
            if (spans.Count % 3 == 0) spans.Add(new EntitySpan("PHONE_NUMBER", start + 5, sb.Length, 0.4));
            sb.Append(". ");
        }
        _text = sb.ToString();
        _spans = spans;
        var config = Operator switch
        {
            "mask" => new OperatorConfig("mask") { MaskingChar = "*", CharsToMask = 12 },
            "hash" => new OperatorConfig("hash") { Salt = "a-fixed-salt-of-16+bytes" },
            "encrypt" => new OperatorConfig("encrypt") { Key = "WmZq4t7w!z%C&F)J" },
            _ => new OperatorConfig("replace"),
        };
        _operators = new Dictionary<string, OperatorConfig> { ["DEFAULT"] = config };
    }

    [Benchmark]
    public int Anonymize() => _engine.Anonymize(_text, _spans, _operators).Items.Count;
}
