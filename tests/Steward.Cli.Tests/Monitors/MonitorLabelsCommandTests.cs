using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;
using Steward.Client;

namespace Steward.Cli.Tests.Monitors;

/// <summary><c>steward monitor labels</c> against a live server: late labels join their predictions; bad input is one line.</summary>
public sealed class MonitorLabelsCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    private async Task<string> FileAsync(string name, string content)
    {
        var path = server.Scratch($"{Guid.NewGuid():N}-{name}");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    private static string Rows(int rows, bool withId)
    {
        var random = new Random(rows);
        var text = new StringBuilder(withId ? "txn,age,pred,approved\n" : "age,pred,approved\n");
        for (var i = 0; i < rows; i++)
            text.Append(withId ? $"t{i}," : "").Append(CultureInfo.InvariantCulture, $"{30 + random.Next(40)},{i % 2},{(withId ? "" : (i % 3 == 0 ? "1" : "0"))}\n");
        return text.ToString();
    }

    [Fact]
    public async Task Labels_JoinWaitingPredictions_AndBadInputIsOneLine()
    {
        using var client = new StewardClient(new Uri(server.Url), LiveServer.AdminKey);
        var monitor = await client.Monitors.CreateAsync(new MonitorDefinition
        {
            Name = $"late-{Guid.NewGuid():N}", Endpoint = "credit-api", Features = ["age"], Prediction = "pred", Label = "approved", IdColumn = "txn", MinRows = 5,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(("txn", "P14D"), (monitor.IdColumn, monitor.LabelTtl));
        await server.OkAsync(["monitor", "reference", monitor.Id, await FileAsync("ref.csv", Rows(100, withId: false))]);
        var ingest = JsonNode.Parse(await server.OkAsync(["monitor", "ingest", monitor.Id, await FileAsync("batch.csv", Rows(40, withId: true)), "--json"]))!;
        Assert.Equal(40, ingest["labels"]!["awaiting_labels"]!.GetValue<int>());

        var labels = await FileAsync("labels.jsonl", string.Concat(Enumerable.Range(0, 30).Select(i => $"{{\"txn\":\"t{i}\",\"approved\":{i % 2}}}\n")) + "{\"txn\":\"nope\",\"approved\":1}\n");
        var out1 = await server.OkAsync(["monitor", "labels", monitor.Id, labels]);
        Assert.Contains("31 labels, 30 matched, 1 unknown, 0 duplicates, 0 expired, 0 dropped; 10 predictions still waiting", out1, StringComparison.Ordinal);
        Assert.Contains("window 1 (open): 30 labels", out1, StringComparison.Ordinal);
        var counts = await client.Monitors.GetLabelCountsAsync(monitor.Id, TestContext.Current.CancellationToken);
        Assert.Equal((10L, 30L, 1L), (counts.Pending, counts.Matched, counts.UnknownLabels));

        (await server.RunAsync(["monitor", "labels", monitor.Id, "/no/such/labels.csv"])).AssertOneErrorLine("does not exist");
        (await server.RunAsync(["monitor", "labels", monitor.Id, labels, "--format", "xml"])).AssertOneErrorLine("--format");
        (await server.RunAsync(["monitor", "labels", monitor.Id, await FileAsync("bad.csv", "txn,approved\nt31,\n")])).AssertOneErrorLine("line 2, column 'approved': has no label");
        (await server.RunAsync(["monitor", "labels", monitor.Id, await FileAsync("noid.csv", "id,approved\nt31,1\n")])).AssertOneErrorLine("has no column 'txn'");
    }

    [Fact]
    public async Task Create_SetsTheLateLabelOptions_AndRefusesBadOnesInOneLine()
    {
        var created = JsonNode.Parse(await server.OkAsync(["monitor", "create", "--name", $"late-cli-{Guid.NewGuid():N}", "--endpoint", "credit-api",
            "--features", "age", "--prediction", "pred", "--label", "approved", "--id-column", "txn", "--label-ttl", "P2D", "--max-pending-labels", "5000", "--json"]))!;
        Assert.Equal(("txn", "P2D", 5000L), (created["id_column"]!.GetValue<string>(), created["label_ttl"]!.GetValue<string>(), created["max_pending_labels"]!.GetValue<long>()));

        (await server.RunAsync(["monitor", "create", "--name", $"late-bad-{Guid.NewGuid():N}", "--features", "age", "--prediction", "pred", "--label", "approved",
            "--id-column", "txn", "--label-ttl", "soon"])).AssertOneErrorLine("label_ttl");
        (await server.RunAsync(["monitor", "create", "--name", $"late-bad-{Guid.NewGuid():N}", "--features", "age", "--id-column", "txn"])).AssertOneErrorLine("id_column");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--max-pending-labels", "many"])).AssertOneErrorLine("--max-pending-labels");
    }
}
