namespace Steward.Server.Tests.Pii;

public sealed class PiiStartupTests
{
    [Fact]
    public async Task ABrokenNerModelFolder_StopsStartUp_WithItsMessage()
    {
        var folder = Directory.CreateTempSubdirectory("steward-ner-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "model.onnx"), "not a model", TestContext.Current.CancellationToken);
            var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Pii:NerModelDirectory"] = folder });
            });
            Assert.Contains(folder, e.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
