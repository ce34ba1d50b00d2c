using BenchmarkDotNet.Attributes;
using Steward.Pii;
using Steward.Pii.Scanning;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>steward pii scan</c>'s engine over a generated 64 MB CSV on every core: MB/s = 64 / mean seconds.
/// <c>pipeline</c> is the scanner alone, <c>shape</c> adds cheap SSN and card scanners (see <see cref="BenchRecognizers"/>).
/// </summary>
[MemoryDiagnoser]
public class DatasetScanBenchmarks
{
    private const long Size = 64L << 20;
    private string _path = "";
    private AnalyzerEngine _engine = null!;

    [Params("pipeline", "shape")]
    public string Recognizers { get; set; } = "shape";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "steward-bench-scan-64mb.csv");
        if (!File.Exists(_path) || new FileInfo(_path).Length < Size) ScanBenchData.Write(_path, Size);
        _engine = BenchRecognizers.Engine(Recognizers);
    }

    [Benchmark]
    public async Task<long> ScanCsv() => (await new DatasetScanner(_engine).ScanFileAsync(_path, new ScanOptions())).RowsAffected;
}
