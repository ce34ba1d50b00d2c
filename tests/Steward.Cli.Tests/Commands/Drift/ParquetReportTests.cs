using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Drift;

public sealed class ParquetReportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private async Task<string> Write(string name, int rows, double shift, int seed)
    {
        var random = new Random(seed);
        var x = new DataField<double>("x");
        var n = new DataField<int?>("n");
        var city = new DataField<string>("city");
        var path = _temp.File(name);
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x, n, city), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(x, new ReadOnlyMemory<double>(Enumerable.Range(0, rows).Select(_ => random.NextDouble() + shift).ToArray()), null, null, TestContext.Current.CancellationToken);
            await group.WriteAsync<int>(n, new ReadOnlyMemory<int?>(Enumerable.Range(0, rows).Select(i => i % 10 == 0 ? (int?)null : random.Next(100)).ToArray()), null, null, TestContext.Current.CancellationToken);
            await group.WriteAsync(city, Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.5 + shift ? "Lyon" : "Paris").ToArray());
        }
        return path;
    }

    [Fact]
    public async Task ParquetFiles_AreCompared_WithTheirColumnTypes()
    {
        var json = _temp.File("report.json");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", await Write("ref.parquet", 1500, 0, 1), "--current", await Write("cur.parquet", 1200, 0.3, 2), "--json", json]);
        Assert.True(run.ExitCode == 2, run.Error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var columns = report.RootElement.GetProperty("columns");
        Assert.Equal(("num", "wasserstein", true), (columns.GetProperty("x").GetProperty("column_type").GetString(), columns.GetProperty("x").GetProperty("stattest_name").GetString(), columns.GetProperty("x").GetProperty("drift_detected").GetBoolean()));
        Assert.Equal(1350, columns.GetProperty("n").GetProperty("reference_size").GetInt32());
        Assert.Equal("cat", columns.GetProperty("city").GetProperty("column_type").GetString());
        Assert.True(columns.GetProperty("city").GetProperty("drift_detected").GetBoolean());
    }

    [Fact]
    public async Task NotParquet_FailsWithOneLine()
    {
        var path = _temp.File("bad.parquet");
        await File.WriteAllTextAsync(path, "a,b\n1,2\n", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["drift", "report", "--reference", path, "--current", path]);
        run.AssertOneErrorLine("not a readable Parquet file");
    }

    public void Dispose() => _temp.Dispose();
}
