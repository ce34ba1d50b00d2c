using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

public sealed class JsonlAndParquetScanTests : IDisposable
{
    private readonly ScanFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Jsonl_NestedValuesBecomeColumnPaths()
    {
        var path = _files.Write("users.jsonl",
            """
            {"id": 1, "user": {"name": "Ann", "ssn": "123-45-6789"}, "notes": ["call ann@example.com", "ok"]}
            {"id": 2, "user": {"name": "Bob", "ssn": null}, "notes": [], "card": 4111111111111111}

            {"id": 3, "user": {"name": "Cy", "ssn": "987-65-4321"}}
            """);
        var report = await ScanFixture.ScanAsync(path);
        Assert.Equal(4, report.Rows); // the blank line is a row with nothing in it
        Assert.Equal(3, report.RowsAffected);
        Assert.Equal(["id", "user.name", "user.ssn", "notes[]", "card"], report.Columns.Select(c => c.Name));
        Assert.Equal(2, ScanFixture.Column(report, "user.ssn").Entities.Single().RowsAffected);
        Assert.Equal("EMAIL_ADDRESS", ScanFixture.Column(report, "notes[]").Entities.Single().EntityType);
        Assert.Equal("CREDIT_CARD", ScanFixture.Column(report, "card").Entities.Single().EntityType);
        Assert.False(report.Verdict.Passed);

        var only = await ScanFixture.ScanAsync(path, new ScanOptions { Columns = ["user"] });
        Assert.Equal(["user.name", "user.ssn"], only.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Jsonl_RedactedCopyKeepsTheStructure()
    {
        var path = _files.Write("r.jsonl", "{\"a\":{\"b\":\"SSN 123-45-6789 é\"},\"n\":[1,\"x@example.com\"]}\n{\"a\":\"clean\"}\nnot json\n");
        var target = Path.Combine(_files.Folder, "r.redacted.jsonl");
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target });
        Assert.Equal(target, report.RedactedTo);
        var lines = File.ReadAllLines(target);
        Assert.Equal(2, lines.Length); // the line that is not JSON is left out, and reported
        Assert.Equal("SSN <US_SSN> é", JsonNode.Parse(lines[0])!["a"]!["b"]!.GetValue<string>());
        Assert.Equal("<EMAIL_ADDRESS>", JsonNode.Parse(lines[0])!["n"]![1]!.GetValue<string>());
        Assert.Equal("{\"a\":\"clean\"}", lines[1]);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("invalid_json", 3L), (problem.Kind, problem.Row));
        Assert.Equal(1, report.RowsSkipped);
        Assert.False(report.Verdict.Passed);
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Csv_RedactedCopyReplacesFindingsAndQuotesFields()
    {
        var path = _files.Write("c.csv", "id,notes\n1,\"a, 123-45-6789\nend\"\n2,plain\n");
        var target = Path.Combine(_files.Folder, "out.csv");
        File.WriteAllText(target, "old");
        await ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target });
        Assert.Equal("id,notes\n1,\"a, <US_SSN>\nend\"\n2,plain\n", File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Parquet_StringAndIntegerColumnsAreScannedPerRowGroup()
    {
        var path = Path.Combine(_files.Folder, "d.parquet");
        var name = new DataField<string>("name");
        var ssn = new DataField<string>("ssn");
        var card = new DataField<long>("card");
        var flag = new DataField<bool>("flag");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(name, ssn, card, flag), stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            for (var g = 0; g < 2; g++)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(name, new[] { "Ann", "Bob", null });
                await group.WriteAsync(ssn, new[] { g == 0 ? "123-45-6789" : "none", null, "987-65-4321" });
                await group.WriteAsync<long>(card, new long[] { 4111111111111111, 5, 6 });
                await group.WriteAsync<bool>(flag, new[] { true, false, true });
            }
        }
        var report = await ScanFixture.ScanAsync(path);
        Assert.Equal(6, report.Rows);
        Assert.Equal(4, report.RowsAffected); // rows 1, 3, 4, 6
        Assert.Equal(["name", "ssn", "card"], report.Columns.Select(c => c.Name));
        Assert.Equal(3, ScanFixture.Column(report, "ssn").Entities.Single().RowsAffected);
        Assert.Equal([1L, 3L, 6L], ScanFixture.Column(report, "ssn").Entities.Single().Samples.Select(s => s.Row));
        Assert.Equal(2, ScanFixture.Column(report, "card").Entities.Single().RowsAffected);
        Assert.Equal("column_not_scanned", Assert.Single(report.Problems).Kind);
        Assert.Equal(ScanFixture.Sha256(path), report.Sha256);
    }
}
