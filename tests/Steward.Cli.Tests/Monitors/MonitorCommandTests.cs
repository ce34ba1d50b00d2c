using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;

namespace Steward.Cli.Tests.Monitors;

/// <summary><c>steward monitor</c> against a live server: create with a reference, ingest files, run (exit 2 on drift), list runs; bad input is one line.</summary>
public sealed class MonitorCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static string Csv(int rows, int seed, double shift)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,city,score\n");
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{40 + shift + (random.NextDouble() - 0.5) * 30:F2},{cities[random.Next(3)]},{random.NextDouble():F3}\n");
        return text.ToString();
    }

    private async Task<string> FileAsync(string name, string content)
    {
        var path = server.Scratch($"{Guid.NewGuid():N}-{name}");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task CreateIngestRun_ReportsDriftWithExitCode2()
    {
        var reference = await FileAsync("reference.csv", Csv(400, 1, 0));
        var created = JsonNode.Parse(await server.OkAsync(["monitor", "create", "--name", $"m-{Guid.NewGuid():N}", "--endpoint", "credit-api",
            "--prediction", "score", "--critical", "age", "--stattest", "city=jensenshannon", "--threshold", "city=0.2", "--reference", reference, "--json"]))!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("pending", created["status"]!.GetValue<string>());
        Assert.Equal("jensenshannon", created["columns"]!["city"]!["stattest"]!.GetValue<string>());

        var batch = await FileAsync("batch.jsonl", string.Concat(Csv(200, 2, 30).Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Select(f => $"{{\"age\":{f[0]},\"city\":\"{f[1]}\",\"score\":{f[2]},\"other\":1}}\n")));
        var ingest = await server.RunAsync(["monitor", "ingest", id, batch]);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("200 rows into window 1", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("ignored columns (not in the reference): other", ingest.Out, StringComparison.Ordinal);

        var run = await server.RunAsync(["monitor", "run", id]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("drift", run.Out, StringComparison.Ordinal);
        Assert.Contains("most drifted: age", run.Out, StringComparison.Ordinal);
        Assert.Contains("drift.detected: ledger entry", run.Out, StringComparison.Ordinal);

        var quiet = await server.RunAsync(["monitor", "run", id]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("insufficient_data", quiet.Out, StringComparison.Ordinal);
        var html = server.Scratch($"{Guid.NewGuid():N}-report.html");
        var written = await server.OkAsync(["monitor", "runs", id, JsonNode.Parse(await server.OkAsync(["monitor", "runs", id, "--json"]))!["items"]![1]!["id"]!.GetValue<string>(), "--html", html]);
        Assert.Contains("wrote the HTML report", written, StringComparison.Ordinal);
        Assert.Contains("<b>age</b>", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        (await server.RunAsync(["monitor", "runs", id, "--html", html])).AssertOneErrorLine("--html needs a RUN");
        var runs = await server.OkAsync(["monitor", "runs", id]);
        Assert.Contains("insufficient_data", runs, StringComparison.Ordinal);
        Assert.Contains("manual", runs, StringComparison.Ordinal);
        Assert.Contains(id, await server.OkAsync(["monitor", "list"]), StringComparison.Ordinal);
        Assert.Contains("deleted", await server.OkAsync(["monitor", "delete", id]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsOneLineOnStderr()
    {
        (await server.RunAsync(["monitor", "create", "--name", "x"])).AssertOneErrorLine("model_id");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--window", "P1M"])).AssertOneErrorLine("window");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--threshold", "age"])).AssertOneErrorLine("COL=VALUE");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--privileged", "sex"])).AssertOneErrorLine("--privileged takes COL=VALUE");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--prediction", "p", "--label", "l", "--task", "ranking"])).AssertOneErrorLine("task");
        (await server.RunAsync(["monitor", "ingest", "some-id", "/no/such/file.csv"])).AssertOneErrorLine("does not exist");
        var created = JsonNode.Parse(await server.OkAsync(["monitor", "create", "--name", $"m-{Guid.NewGuid():N}", "--endpoint", "e", "--json"]))!;
        var id = created["id"]!.GetValue<string>();
        var data = await FileAsync("batch.csv", "age,city,score\n1,a,0.1\n");
        (await server.RunAsync(["monitor", "ingest", id, data])).AssertOneErrorLine("no reference profile");
        (await server.RunAsync(["monitor", "reference", id, data, "--format", "xml"])).AssertOneErrorLine("--format");
        await server.OkAsync(["monitor", "reference", id, await FileAsync("ref.csv", Csv(100, 1, 0))]);
        (await server.RunAsync(["monitor", "ingest", id, await FileAsync("bad.csv", "age,city,score\n1,a,0.1\nyoung,b,0.2\n")])).AssertOneErrorLine("line 3, column 'age'");
    }
}
