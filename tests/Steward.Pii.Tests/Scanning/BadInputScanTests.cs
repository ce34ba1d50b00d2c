using System.Text;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

public sealed class BadInputScanTests : IDisposable
{
    private readonly ScanFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task InvalidUtf8_IsReportedWithRowAndByteAndTheRowIsStillScanned()
    {
        var head = "a,b\n1,ok\n"u8.ToArray();
        var bad = "2,x\xff 123-45-6789\n"u8.ToArray();
        bad[3] = 0xFF; // an invalid byte
        var path = _files.WriteBytes("bad.csv", [.. head, .. bad, .. "3,fine\n"u8.ToArray()]);
        var report = await ScanFixture.ScanAsync(path);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("invalid_utf8", 2L, (long)head.Length + 3), (problem.Kind, problem.Row, problem.ByteOffset));
        Assert.Equal(3, report.Rows);
        Assert.Equal(1, ScanFixture.Column(report, "b").Entities.Single().RowsAffected);
    }

    [Fact]
    public async Task BinaryFile_StopsTheScanAtTheNulByteAndFailsIt()
    {
        var bytes = new byte[5000];
        new Random(1).NextBytes(bytes);
        bytes[100] = 0;
        var path = _files.WriteBytes("blob.csv", [.. "a,b\n1,2\n"u8.ToArray(), .. bytes]);
        var target = Path.Combine(_files.Folder, "copy.csv");
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target });
        Assert.False(report.Complete);
        Assert.False(report.Verdict.Passed);
        Assert.Contains(report.Problems, p => p.Kind == "binary" && p.ByteOffset == 8 + bytes.AsSpan().IndexOf((byte)0));
        Assert.Equal(ScanFixture.Sha256(path), report.Sha256);
        Assert.False(File.Exists(target)); // no redacted copy of a file that was not read to the end
        Assert.Null(report.RedactedTo);
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));

        var parquetLike = _files.WriteBytes("p.jsonl", [.. "PAR1"u8.ToArray(), 0, 1, 2]);
        var p = await ScanFixture.ScanAsync(parquetLike);
        Assert.Contains("--format parquet", Assert.Single(p.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task GiganticLine_IsSkippedAndReportedAndLaterRowsAreScanned(string format)
    {
        var giant = new string('x', 50_000) + " 123-45-6789";
        var content = format == "csv"
            ? $"a\nfirst 111-22-3333\n{giant}\nlast 444-55-6666\n"
            : $"{{\"a\":\"first 111-22-3333\"}}\n{{\"a\":\"{giant}\"}}\n{{\"a\":\"last 444-55-6666\"}}\n";
        var path = _files.Write("giant." + format, content);
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { MaxRowBytes = 4096, BatchBytes = 1024 });
        Assert.Equal(3, report.Rows);
        Assert.Equal(1, report.RowsSkipped);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("row_too_long", 2L), (problem.Kind, problem.Row));
        Assert.Equal(content.IndexOf(format == "csv" ? "xxx" : "{\"a\":\"xxx", StringComparison.Ordinal), problem.ByteOffset);
        Assert.Equal(2, ScanFixture.Column(report, "a").Entities.Single().RowsAffected);
        Assert.Contains("1 row(s) could not be scanned", report.Verdict.Reasons);
    }

    [Fact]
    public async Task GiganticFileWithoutNewlines_IsReportedNotLoaded()
    {
        var path = _files.Write("oneline.jsonl", new string('y', 300_000));
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { MaxRowBytes = 8192, BatchBytes = 2048 });
        Assert.Equal(1, report.Rows);
        Assert.Equal(1, report.RowsSkipped);
        Assert.Equal(0, Assert.Single(report.Problems).ByteOffset);
    }

    [Fact]
    public async Task UnterminatedQuote_IsBoundedByTheRowLimit()
    {
        var sb = new StringBuilder("a,b\n1,\"never closed\n");
        for (var i = 0; i < 10000; i++) sb.Append("2,more 123-45-6789\n");
        var report = await ScanFixture.ScanAsync(_files.Write("q.csv", sb.ToString()), new ScanOptions { MaxRowBytes = 4096, BatchBytes = 1024 });
        Assert.Contains(report.Problems, p => p.Kind == "row_too_long" && p.Row == 1);
        Assert.True(report.Rows > 1);
    }
}
