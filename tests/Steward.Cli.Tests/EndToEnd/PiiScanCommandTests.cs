using System.Text.Json.Nodes;
using Steward.Cli.Commands.Pii;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.EndToEnd;

/// <summary><c>steward pii scan FILE --dataset ID</c> against a live server: the result is recorded on the dataset.</summary>
public sealed class PiiScanCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    static PiiScanCommandTests() => TestPiiEngine.Use();

    [Fact]
    public async Task Scan_WithDataset_RecordsTheResult_AndRefusesAnotherFile()
    {
        var data = server.Scratch($"train-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(data, "id,notes\n1,ssn 123-45-6789\n", TestContext.Current.CancellationToken);
        var dataset = JsonNode.Parse(await server.OkAsync(
            ["dataset", "register", "--name", $"train-{Guid.NewGuid():N}", "--owner", "data@example.com", "--file", data, "--json"]))!;
        var id = dataset["id"]!.GetValue<string>();

        var run = await server.RunAsync(["pii", "scan", data, "--dataset", id]);
        Assert.Equal(ScanCommand.VerdictFailed, run.ExitCode);
        Assert.Contains($"recorded: scan ", run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict fail", run.Out, StringComparison.Ordinal);

        var other = server.Scratch($"other-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(other, "id\n1\n", TestContext.Current.CancellationToken);
        var refused = await server.RunAsync(["pii", "scan", other, "--dataset", id]);
        refused.AssertOneErrorLine("registered");
    }
}
