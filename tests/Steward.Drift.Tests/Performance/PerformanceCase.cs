using System.IO.Compression;
using System.Text.Json;

namespace Steward.Drift.Tests.Performance;

/// <summary>One case of Fixtures/performance.json.gz (generated with scikit-learn by eng/performance-fixtures/generate.py).</summary>
public sealed record PerformanceCase(string Name, string Task, string? Positive, string[] Labels, string[] Predictions, double[]? Scores, JsonElement Expected,
    string[]? ScoreClasses = null, double[][]? ClassScores = null)
{
    private static readonly Lazy<IReadOnlyList<PerformanceCase>> Cases = new(Load);

    public static IReadOnlyList<PerformanceCase> All => Cases.Value;

    public static TheoryData<string> Names(string task) => [.. All.Where(c => c.Task == task).Select(c => c.Name)];

    public static PerformanceCase Get(string name) => All.Single(c => c.Name == name);

    public double? Value(string name) =>
        Expected.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Expected.GetProperty(name).GetDouble();

    public override string ToString() => Name;

    private static IReadOnlyList<PerformanceCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "performance.json.gz");
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new PerformanceCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("task").GetString()!,
            c.TryGetProperty("positive", out var p) ? p.GetString() : null,
            c.GetProperty("labels").EnumerateArray().Select(v => v.GetString()!).ToArray(),
            c.GetProperty("predictions").EnumerateArray().Select(v => v.GetString()!).ToArray(),
            c.TryGetProperty("scores", out var s) ? s.EnumerateArray().Select(v => v.GetDouble()).ToArray() : null,
            c.GetProperty("expected").Clone(),
            c.TryGetProperty("score_classes", out var k) ? k.EnumerateArray().Select(v => v.GetString()!).ToArray() : null,
            c.TryGetProperty("class_scores", out var m) ? m.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray() : null)).ToArray();
    }
}
