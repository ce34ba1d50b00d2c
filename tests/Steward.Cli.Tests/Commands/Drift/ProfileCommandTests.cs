using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Drift;

public sealed class ProfileCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Csv(string name, int rows, double shift, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,income,city,zip\n");
        for (var i = 0; i < rows; i++)
        {
            var age = i % 50 == 0 ? "" : (30 + shift * 10 + random.NextDouble() * 20).ToString("0.###", CultureInfo.InvariantCulture);
            var city = random.NextDouble() < 0.5 + shift / 4 ? "Lyon" : "Paris";
            text.Append(CultureInfo.InvariantCulture, $"{age},{Math.Round(1000 + random.NextDouble() * 500, 2)},{city},{(random.Next(2) == 0 ? "02139" : "10001")}\n");
        }
        var path = _temp.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private async Task<string> Report(string reference, string current, params string[] extra)
    {
        var json = _temp.File(Guid.NewGuid().ToString("N") + ".json");
        var run = await CliRun.RunAsync(["drift", "report", "--reference", reference, "--current", current, "--json", json, .. extra]);
        Assert.True(run.ExitCode is 0 or 2, run.Error);
        return await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("auto")]
    public async Task Report_From_An_Exact_Profile_Equals_The_Report_From_The_Data(string mode)
    {
        var (reference, current) = (Csv("ref.csv", 3000, 0, 1), Csv("cur.csv", 800, 0.3, 2));
        var profile = _temp.File("ref.profile.json");
        var run = await CliRun.RunAsync(["drift", "profile", reference, "-o", profile, "--mode", mode, "--categorical", "zip"]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("profile of 3000 rows, 4 columns", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("{\"format\":\"steward.drift.profile/v1\"", await File.ReadAllTextAsync(profile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(await Report(reference, current, "--categorical", "zip"), await Report(profile, current, "--categorical", "zip"));
    }

    [Fact]
    public async Task Sketch_Profiles_Of_Batches_Merge_And_Report()
    {
        var parts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var profile = _temp.File($"part{i}.json");
            var run = await CliRun.RunAsync(["drift", "profile", Csv($"part{i}.csv", 2000, 0, 10 + i), "-o", profile, "--mode", "sketch", "--sketch-k", "100"]);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("sketch k=100", run.Out, StringComparison.Ordinal);
            parts.Add(profile);
        }
        var merged = _temp.File("merged.json");
        var mergeRun = await CliRun.RunAsync(["drift", "profile", "merge", .. parts, "-o", merged]);
        Assert.True(mergeRun.ExitCode == 0, mergeRun.Error);
        Assert.Contains("profile of 6000 rows", mergeRun.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await Report(merged, Csv("cur.csv", 1500, 1, 3)));
        var age = report.RootElement.GetProperty("columns").GetProperty("age");
        Assert.Equal(("wasserstein", true, 5880), (age.GetProperty("stattest_name").GetString(), age.GetProperty("drift_detected").GetBoolean(), age.GetProperty("reference_size").GetInt32()));
    }

    [Fact]
    public async Task Json_Lines_Are_Profiled_With_Strings_As_Labels()
    {
        var path = _temp.File("data.jsonl");
        await File.WriteAllTextAsync(path, "{\"x\": 1.5, \"code\": \"7\"}\n{\"x\": null, \"code\": \"8\", \"late\": true}\n\n{\"x\": 2}\n", TestContext.Current.CancellationToken);
        var profile = _temp.File("p.json");
        var run = await CliRun.RunAsync(["drift", "profile", path, "-o", profile]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(profile, TestContext.Current.CancellationToken));
        var columns = document.RootElement.GetProperty("columns");
        Assert.Equal(("numbers", 2, 1), (columns[0].GetProperty("kind").GetString(), columns[0].GetProperty("count").GetInt32(), columns[0].GetProperty("missing").GetInt32()));
        Assert.Equal(("labels", 1), (columns[1].GetProperty("kind").GetString(), columns[1].GetProperty("missing").GetInt32()));
        Assert.Equal(("late", "labels", 2), (columns[2].GetProperty("name").GetString(), columns[2].GetProperty("kind").GetString(), columns[2].GetProperty("missing").GetInt32()));
    }

    [Fact]
    public async Task Current_Columns_Are_Typed_As_The_Reference_Profile_And_Changes_Are_Noted()
    {
        var profile = _temp.File("p.json");
        Assert.Equal(0, (await CliRun.RunAsync(["drift", "profile", Csv("ref.csv", 500, 0, 1), "-o", profile])).ExitCode);
        var current = _temp.File("cur.csv");
        await File.WriteAllTextAsync(current, "age,income,zip,extra\nold,1200,02139,1\nyoung,1300,10001,2\n", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync(["drift", "report", "--reference", profile, "--current", current]);
        Assert.True(run.ExitCode is 0 or 2, run.Error);
        Assert.Contains("type changed: numbers in the reference, labels in the current data; compared as categories", run.Out, StringComparison.Ordinal);
        Assert.Contains("missing in the current data", run.Out, StringComparison.Ordinal);
        Assert.Contains("not compared (only in the current data): extra", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiny_Windows_Are_Insufficient_Data_With_Min_Size()
    {
        var run = await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 500, 0, 1), "--current", Csv("cur.csv", 10, 3, 2), "--min-size", "30"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Out.Split("insufficient data").Length - 1);
        Assert.Contains("dataset drift: no", run.Out, StringComparison.Ordinal);
        (await CliRun.RunAsync(["drift", "report", "--reference", Csv("ref.csv", 20, 0, 1), "--current", Csv("cur.csv", 20, 0, 2), "--min-size", "0"])).AssertOneErrorLine("the minimum sample size must be at least 1");
    }

    [Theory]
    [InlineData("--mode", "fast", "fast")]
    [InlineData("--sketch-k", "2", "between 8 and 65535")]
    [InlineData("--numerical", "city", "line 2, column 'city': 'Lyon' is not a number")]
    [InlineData("--categorical", "nope", "column 'nope' is not in")]
    public async Task Bad_Options_Fail_With_One_Line(string option, string value, string expected)
    {
        var run = await CliRun.RunAsync(["drift", "profile", Csv("ref.csv", 20, 0, 1), "-o", _temp.File("p.json"), option, value]);
        run.AssertOneErrorLine(expected);
    }

    [Fact]
    public async Task Bad_Files_Fail_With_One_Line()
    {
        (await CliRun.RunAsync(["drift", "profile", _temp.File("none.csv"), "-o", _temp.File("p.json")])).AssertOneErrorLine("does not exist");
        (await CliRun.RunAsync(["drift", "profile", Csv("ref.csv", 20, 0, 1), "-o", Path.Combine(_temp.File("nodir"), "p.json")])).AssertOneErrorLine("does not exist");
        var broken = _temp.File("broken.json");
        await File.WriteAllTextAsync(broken, "{\"format\": \"steward.drift.profile/v1\", \"row_count\": 3, \"options\": {}}", TestContext.Current.CancellationToken);
        (await CliRun.RunAsync(["drift", "report", "--reference", broken, "--current", Csv("cur.csv", 20, 0, 2)])).AssertOneErrorLine("broken.json: not a valid drift profile: $.options: missing \"mode\"");
        var a = _temp.File("a.json");
        var b = _temp.File("b.json");
        Assert.Equal(0, (await CliRun.RunAsync(["drift", "profile", Csv("ref.csv", 20, 0, 1), "-o", a])).ExitCode);
        var other = _temp.File("other.csv");
        await File.WriteAllTextAsync(other, "age\n1\n", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await CliRun.RunAsync(["drift", "profile", other, "-o", b])).ExitCode);
        (await CliRun.RunAsync(["drift", "profile", "merge", a, b, "-o", _temp.File("m.json")])).AssertOneErrorLine("b.json: column 'income' is only in one of the profiles");
        (await CliRun.RunAsync(["drift", "profile", "merge", a, _temp.File("none.json"), "-o", _temp.File("m.json")])).AssertOneErrorLine("none.json does not exist");
    }

    public void Dispose() => _temp.Dispose();
}
