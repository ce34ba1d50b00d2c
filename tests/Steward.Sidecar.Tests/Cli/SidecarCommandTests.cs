namespace Steward.Sidecar.Tests.Cli;

/// <summary><c>steward sidecar</c> checks every option: one line on stderr naming the problem, exit code 1.</summary>
public sealed class SidecarCommandTests
{
    private static readonly string Bundle = RepoPaths.Policies;

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--upstream", "http://127.0.0.1:9", "--bundle", Bundle], "--listen" },
        { ["--listen", "http://127.0.0.1:0", "--bundle", Bundle], "--upstream" },
        { ["--listen", "not a url", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle], "--listen must be an absolute http:// or https:// URL" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "ftp://x", "--bundle", Bundle], "--upstream must be an absolute http:// or https:// URL" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9"], "give exactly one engine" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--opa-url", "http://127.0.0.1:8181"], "give exactly one engine" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", "/no/such/dir"], "--bundle /no/such/dir is not a directory" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--opa-url", "opa:8181"], "--opa-url must be an absolute" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--policy", "data"], "must name a package below data" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--policy", "data.a-b"], "is not a Rego identifier" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--server", "http://127.0.0.1:5080"], "--server needs an API key" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--api-key", "k"], "--api-key is only used with --server" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--server", "nope", "--api-key", "k"], "--server must be an absolute" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--server", "http://u:pw-123@h", "--api-key", "k"], "--server must be an absolute http:// or https:// URL without a query or user info (got 'http://***@h')" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9?a=1", "--bundle", Bundle], "--upstream must be an absolute" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--sample-allows", "1.5"], "--sample-allows must be a number from 0 to 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--sample-allows", "x"], "--sample-allows must be a number from 0 to 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--monitor-sample", "1.5"], "--monitor-sample must be a number from 0 to 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--monitor", "m1"], "MonitorId (--monitor) needs Server (--server)" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--timeout-ms", "0"], "--timeout-ms must be a whole number from 1 to 60000" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--timeout-ms", "-5"], "--timeout-ms must be a whole number" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--upstream-timeout-ms", "abc"], "--upstream-timeout-ms must be a whole number" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--max-body-bytes", "0"], "--max-body-bytes must be a whole number from 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--max-upstream-connections", "0"], "--max-upstream-connections must be a whole number from 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--max-upstream-connections", "many"], "--max-upstream-connections must be a whole number from 1" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--model", " "], "--model must not be empty" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--endpoint", ""], "--endpoint must not be empty" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--decision-log", "/no/such/dir/d.jsonl"], "--decision-log /no/such/dir/d.jsonl: its directory does not exist" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--no-such-option"], "--no-such-option" },
        { ["--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", Bundle, "--inline-io", "maybe"], "Unrecognized command or argument 'maybe'" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task BadOption_OneLineOnStderr_Exit1(string[] options, string expected)
    {
        var (exit, _, error) = await StewardProcess.RunAsync(TimeSpan.FromSeconds(30), ["sidecar", .. options]);
        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BundleThatDoesNotCompile_IsOneLine()
    {
        var dir = Directory.CreateTempSubdirectory("steward-bad-bundle-").FullName;
        File.WriteAllText(Path.Combine(dir, "p.rego"), "package ai_policy\n\ndeny contains x if { y := 1 }\n");
        var (exit, _, error) = await StewardProcess.RunAsync(TimeSpan.FromSeconds(30),
            "sidecar", "--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--bundle", dir);
        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the policy does not compile", line, StringComparison.Ordinal);
        Assert.Contains("p.rego:3", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], ", inline I/O)")] // the default: Kestrel inline and the runtime's completions inline
    [InlineData(new[] { "--inline-io", "false" }, null)]
    [InlineData(new[] { "--inline-io=false" }, null)]
    public async Task InlineIo_OnByDefault_OffOnRequest_TheToolDecidesEitherWay(string[] extra, string? note)
    {
        var prediction = System.Text.Encoding.UTF8.GetBytes("{\"label\":\"approve\",\"confidence\":0.93,\"text\":\"The application meets the criteria.\"}");
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(c.Request.Path == "/low" ? "{\"label\":\"approve\",\"confidence\":0.1}"u8.ToArray() : prediction);
        });
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "steward.dll"), "sidecar", "--listen", "http://127.0.0.1:0", "--upstream", upstream.Address.ToString(), "--bundle", Bundle }.Concat(extra))
            start.ArgumentList.Add(a);
        start.Environment.Remove(SidecarRuntime.InlineCompletionsVariable);
        using var process = System.Diagnostics.Process.Start(start)!;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync(cts.Token));
            if (note is not null) Assert.EndsWith(note, line, StringComparison.Ordinal);
            else Assert.DoesNotContain("inline", line, StringComparison.Ordinal);
            var address = new Uri(line.Split(' ')[4].TrimEnd(','));
            using var http = new HttpClient();

            using var allowed = await http.PostAsync(new Uri(address, "/predict"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), cts.Token);
            using var denied = await http.PostAsync(new Uri(address, "/low"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), cts.Token);

            Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(prediction, await allowed.Content.ReadAsByteArrayAsync(cts.Token));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("confidence_below_threshold", await denied.Content.ReadAsStringAsync(cts.Token), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task ApiKey_IsNeverPrinted()
    {
        const string key = "stw_cli_never-print-this-key-000000000";
        var (exit, output, error) = await StewardProcess.RunAsync(TimeSpan.FromSeconds(30),
            "sidecar", "--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9", "--server", "bad", "--api-key", key, "--bundle", Bundle);
        Assert.Equal(1, exit);
        Assert.DoesNotContain(key, output + error, StringComparison.Ordinal);
    }
}
