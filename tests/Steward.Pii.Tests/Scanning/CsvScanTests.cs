using System.Text;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

public sealed class CsvScanTests : IDisposable
{
    private readonly ScanFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Scan_ReportsPerColumnFindingsAndFailsTheDefaultRule()
    {
        var path = _files.Write("people.csv",
            "id,name,notes,contact\n" +
            "1,Ann,\"SSN 123-45-6789, filed\",ann@example.com\n" +
            "2,Bob,\"line one\nline two with 987-65-4321\",\n" +
            "3,Cy,nothing here,cy@example.org\n" +
            "4,Di,\"quoted \"\"text\"\" only\",\n");
        var report = await ScanFixture.ScanAsync(path);

        Assert.Equal(4, report.Rows);
        Assert.Equal(3, report.RowsAffected);
        Assert.Equal(ScanFixture.Sha256(path), report.Sha256);
        Assert.Equal(new FileInfo(path).Length, report.Bytes);
        Assert.Equal(["id", "name", "notes", "contact"], report.Columns.Select(c => c.Name));
        var notes = ScanFixture.Column(report, "notes");
        Assert.Equal(4, notes.CellsScanned);
        var ssn = Assert.Single(notes.Entities);
        Assert.Equal(("US_SSN", 2L, 2L, 0.85), (ssn.EntityType, ssn.Count, ssn.RowsAffected, ssn.MaxScore));
        Assert.Equal("SSN <US_SSN>, filed", ssn.Samples[0].Text);
        Assert.Equal(2, ssn.Samples[1].Row);
        Assert.Equal(2, ScanFixture.Column(report, "contact").Entities.Single().RowsAffected);
        Assert.False(report.Verdict.Passed);
        Assert.Contains(report.Verdict.Reasons, r => r.Contains("'notes'", StringComparison.Ordinal) && r.Contains("US_SSN", StringComparison.Ordinal));

        var json = Encoding.UTF8.GetString(ScanReportJson.Serialize(report));
        Assert.DoesNotContain("123-45-6789", json, StringComparison.Ordinal);
        Assert.DoesNotContain("987-65-4321", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", json, StringComparison.Ordinal);
        Assert.Equal(report.Verdict, ScanReportJson.Deserialize(Encoding.UTF8.GetBytes(json)).Verdict with { Reasons = report.Verdict.Reasons });
    }

    [Fact]
    public async Task Scan_PassesWhenOnlyEntitiesOutsideTheRuleAreFound()
    {
        var path = _files.Write("contacts.csv", "name,email\r\nAnn,ann@example.com\r\nBob,bob@example.com\r\n");
        var report = await ScanFixture.ScanAsync(path);
        Assert.True(report.Verdict.Passed, string.Join("; ", report.Verdict.Reasons));
        Assert.Equal(2, report.Rows);
        Assert.Equal(2, report.EntityCounts["EMAIL_ADDRESS"]);

        var strict = await ScanFixture.ScanAsync(path, new ScanOptions { Rule = new ScanRule { FailOn = ["EMAIL_ADDRESS"], MaxRowsPerColumn = 1 } });
        Assert.False(strict.Verdict.Passed);
        var lenient = await ScanFixture.ScanAsync(path, new ScanOptions { Rule = new ScanRule { FailOn = ["EMAIL_ADDRESS"], MaxRowsPerColumn = 2 } });
        Assert.True(lenient.Verdict.Passed);
    }

    [Fact]
    public async Task Scan_MinScoreIsTheAnalysisThreshold()
    {
        var path = _files.Write("cards.csv", "card\n4111111111111111\n");
        Assert.Equal(1, (await ScanFixture.ScanAsync(path)).RowsAffected);
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { Rule = new ScanRule { MinScore = 0.7 } });
        Assert.Equal(0, report.RowsAffected);
        Assert.True(report.Verdict.Passed);
    }

    [Fact]
    public async Task Scan_OnlyTheChosenColumns()
    {
        var path = _files.Write("two.csv", "a,b\n123-45-6789,123-45-6789\n");
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { Columns = ["b"] });
        Assert.Equal("b", Assert.Single(report.Columns).Name);
        var e = await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { Columns = ["c"] }));
        Assert.Contains("the columns are: a, b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_RejectsRulesAndFormatsItCannotServe()
    {
        var path = _files.Write("x.csv", "a\n1\n");
        await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { Rule = new ScanRule { FailOn = ["NOPE"] } }));
        await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { Rule = new ScanRule { MinScore = 2 } }));
        await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { Entities = ["NOPE"] }));
        var unknown = _files.Write("x.dat", "a\n1\n");
        await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(unknown));
        Assert.Equal(1, (await ScanFixture.ScanAsync(unknown, new ScanOptions { Format = ScanFormat.Csv })).Rows);
    }

    [Fact]
    public async Task Scan_ManySmallBatchesOnSeveralWorkers_MatchesOneBatchOnOneWorker()
    {
        var sb = new StringBuilder("id,text\n");
        var rng = new Random(7);
        var expected = 0;
        for (var i = 0; i < 3000; i++)
        {
            var hit = rng.Next(5) == 0;
            if (hit) expected++;
            sb.Append(i).Append(",\"row ").Append(i).Append(hit ? $"\nssn {rng.Next(100, 999)}-{rng.Next(10, 99)}-{rng.Next(1000, 9999)}" : "\nno data").Append("\"\n");
        }
        var path = _files.Write("many.csv", sb.ToString());
        var small = await ScanFixture.ScanAsync(path, new ScanOptions { BatchBytes = 4096, Workers = 3 });
        var one = await ScanFixture.ScanAsync(path, new ScanOptions { BatchBytes = 1 << 22, Workers = 1 });
        Assert.Equal(3000, small.Rows);
        Assert.Equal(expected, small.RowsAffected);
        Assert.Equal(ScanReportJson.Serialize(one with { DurationSeconds = 0 }), ScanReportJson.Serialize(small with { DurationSeconds = 0 }));
    }

    [Fact]
    public async Task Samples_NeverCutASurrogatePair()
    {
        // 31 emoji then the SSN: the sample window starts 32 characters before it, between the halves of an emoji.
        var text = string.Concat(Enumerable.Repeat("\U0001F600", 31)) + "xy 123-45-6789";
        var report = await ScanFixture.ScanAsync(_files.Write("emoji.csv", "a\n" + text + "\n"));
        var sample = ScanFixture.Column(report, "a").Entities.Single().Samples.Single().Text;
        Assert.EndsWith("xy <US_SSN>", sample, StringComparison.Ordinal);
        Assert.False(char.IsLowSurrogate(sample.TrimStart('…')[0]));
        Assert.NotEmpty(ScanReportJson.Serialize(report));
    }

    [Fact]
    public async Task Scan_EmptyFileAndHeaderOnly()
    {
        Assert.Equal(0, (await ScanFixture.ScanAsync(_files.Write("empty.csv", ""))).Rows);
        var header = await ScanFixture.ScanAsync(_files.Write("header.csv", "a,b"));
        Assert.Equal(0, header.Rows);
        Assert.True(header.Verdict.Passed);
    }
}
