using Parquet;
using Parquet.Schema;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

/// <summary>The redacted copy of a Parquet file: same schema and row groups, findings replaced, everything else as read.</summary>
public sealed class ParquetRedactedCopyTests : IDisposable
{
    private readonly ScanFixture _files = new();
    private readonly DataField<string> _note = new("note");
    private readonly DataField<long> _account = new("account"); // required: the copy makes it nullable
    private readonly DataField<int?> _code = new("code");
    private readonly DataField<bool> _flag = new("flag");
    private readonly DataField<double?> _amount = new("amount");
    private readonly DataField _tags = new("tags", typeof(int), isNullable: false, isArray: true);

    public void Dispose() => _files.Dispose();

    private async Task<string> WriteAsync()
    {
        var path = Path.Combine(_files.Folder, "in.parquet");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(_note, _account, _code, _flag, _amount, _tags), stream,
            cancellationToken: TestContext.Current.CancellationToken);
        writer.CustomMetadata = new Dictionary<string, string> { ["origin"] = "test" };
        for (var g = 0; g < 2; g++)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(_note, new[] { g == 0 ? "ssn 123-45-6789, thanks" : "all fine", null, "mail ann@example.com" });
            await group.WriteAsync<long>(_account, new long[] { 4111111111111111, 42, g });
            await group.WriteAsync<int>(_code, (ReadOnlyMemory<int?>)new int?[] { 7, null, 9 });
            await group.WriteAsync<bool>(_flag, new[] { true, false, g == 1 });
            await group.WriteAsync<double>(_amount, (ReadOnlyMemory<double?>)new double?[] { 1.5, null, -2 });
            await group.WriteAsync<int>(_tags, new[] { 1, 2, 3, 4 }, new[] { 0, 1, 0, 0 });
        }
        return path;
    }

    [Fact]
    public async Task Copy_RedactsFindingsKeepsTypesRowGroupsAndOtherColumns()
    {
        var path = await WriteAsync();
        var target = Path.Combine(_files.Folder, "out.parquet");
        var report = await ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target });
        Assert.Equal(target, report.RedactedTo);
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));

        var ct = TestContext.Current.CancellationToken;
        await using var reader = await ParquetReader.CreateAsync(target, cancellationToken: ct);
        Assert.Equal("test", reader.CustomMetadata["origin"]);
        Assert.Equal(2, reader.RowGroupCount);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["note", "account", "code", "flag", "amount", "tags"], fields.Select(f => f.Name));
        Assert.True(fields[1].IsNullable);
        Assert.Equal(typeof(long), fields[1].ClrType);
        for (var g = 0; g < 2; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var notes = new string?[3];
            await group.ReadAsync(fields[0], notes.AsMemory(), null, ct);
            Assert.Equal(new[] { g == 0 ? "ssn <US_SSN>, thanks" : "all fine", null, "mail <EMAIL_ADDRESS>" }, notes);
            var accounts = new long?[3];
            await group.ReadAsync<long>(fields[1], accounts.AsMemory(), null, ct);
            Assert.Equal([null, 42L, g], accounts); // the card number is gone; integers stay integers
            var codes = new int?[3];
            await group.ReadAsync<int>(fields[2], codes.AsMemory(), null, ct);
            Assert.Equal([7, null, 9], codes);
            var flags = new bool[3];
            await group.ReadAsync<bool>(fields[3], flags.AsMemory(), null, ct);
            Assert.Equal([true, false, g == 1], flags);
            var amounts = new double?[3];
            await group.ReadAsync<double>(fields[4], amounts.AsMemory(), null, ct);
            Assert.Equal([1.5, null, -2], amounts);
            using var tags = (Parquet.Data.RawColumnData<int>)await group.ReadRawColumnDataBaseAsync(fields[5], ct); // a repeated column, copied with its levels
            Assert.Equal([1, 2, 3, 4], tags.Values.ToArray());
            Assert.Equal([0, 1, 0, 0], tags.RepetitionLevels.ToArray());
        }
    }

    [Fact]
    public async Task Copy_ColumnsNotSelectedAreCopiedAsRead()
    {
        var path = await WriteAsync();
        var target = Path.Combine(_files.Folder, "out.parquet");
        await ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target, Columns = ["account"] });
        var ct = TestContext.Current.CancellationToken;
        await using var reader = await ParquetReader.CreateAsync(target, cancellationToken: ct);
        using var group = reader.OpenRowGroupReader(0);
        var notes = new string?[3];
        await group.ReadAsync(reader.Schema.GetDataFields()[0], notes.AsMemory(), null, ct);
        Assert.Equal("ssn 123-45-6789, thanks", notes[0]);
    }

    [Fact]
    public async Task Copy_OverTheScannedFile_IsRefused()
    {
        var path = await WriteAsync();
        var e = await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = path }));
        Assert.Contains("cannot replace the file being scanned", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Copy_RequiredIntegerInsideAGroup_IsRefusedBeforeWriting()
    {
        var path = Path.Combine(_files.Folder, "nested.parquet");
        var number = new DataField<long>("number");
        var card = new StructField("card", number);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(card), stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAllPartsAsync<long>(number, new long[] { 4111111111111111, 5 }, new[] { 1, 1 }, null, TestContext.Current.CancellationToken);
        }
        var target = Path.Combine(_files.Folder, "out.parquet");
        var e = await Assert.ThrowsAsync<PiiRequestException>(() => ScanFixture.ScanAsync(path, new ScanOptions { RedactTo = target }));
        Assert.Contains("inside a group", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.tmp"));
    }
}
