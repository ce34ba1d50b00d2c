using System.Text.Json.Nodes;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.Pii;

/// <summary><c>steward pii analyze|anonymize</c> in process (the default), with a test recognizer.</summary>
public sealed class PiiCommandTests
{
    private static Task<CliRun> Run(string[] args, string? stdin = null) =>
        CliRun.RunAsync(args, stdin: stdin, piiAnalyzer: TicketIdRecognizer.Engine());

    [Fact]
    public async Task Analyze_PrintsATable()
    {
        var run = await Run(["pii", "analyze", "--text", "close TCK-123456 now"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("START", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^6\s+16\s+TICKET_ID\s+0\.60\s+TCK-123456$", lines[1]);
    }

    [Fact]
    public async Task Analyze_WithExplainAndJson_GivesPresidiosShape()
    {
        var run = await Run(["pii", "analyze", "--text", "ticket TCK-123456", "--explain", "--json"]);

        Assert.Equal(0, run.ExitCode);
        var result = Assert.Single(JsonNode.Parse(run.Out)!.AsArray())!;
        Assert.Equal("TICKET_ID", result["entity_type"]!.GetValue<string>());
        Assert.Equal(0.95, result["score"]!.GetValue<double>(), 6);
        Assert.Equal("ticket", result["analysis_explanation"]!["supportive_context_word"]!.GetValue<string>());
        Assert.Equal("TicketIdRecognizer", result["analysis_explanation"]!["recognizer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analyze_ReadsFilesAndStandardInput_AndHonoursTheThreshold()
    {
        using var temp = new TempDirectory();
        var file = temp.File("note.txt");
        await File.WriteAllTextAsync(file, "TCK-000001 and TCK-000002");

        var fromFile = await Run(["pii", "analyze", "--file", file, "--json"]);
        var fromStdin = await Run(["pii", "analyze", "-", "--json"], stdin: "TCK-000003");
        var filtered = await Run(["pii", "analyze", "--text", "TCK-000003", "--threshold", "0.7"]);

        Assert.Equal(2, JsonNode.Parse(fromFile.Out)!.AsArray().Count);
        Assert.Single(JsonNode.Parse(fromStdin.Out)!.AsArray());
        Assert.Equal("no personal data found", filtered.Out.Trim());
    }

    [Fact]
    public async Task Anonymize_AppliesOperators()
    {
        var replaced = await Run(["pii", "anonymize", "--text", "close TCK-123456 now"]);
        var masked = await Run(["pii", "anonymize", "--text", "close TCK-123456 now", "--operator", "TICKET_ID=mask:masking_char=#:chars_to_mask=6:from_end=true"]);
        var custom = await Run(["pii", "anonymize", "--text", "close TCK-123456 now", "--operator", @"DEFAULT=replace:new_value=ref\:hidden", "--json"]);

        Assert.Equal("close <TICKET_ID> now", replaced.Out.Trim());
        Assert.Equal("close TCK-###### now", masked.Out.Trim());
        var result = JsonNode.Parse(custom.Out)!;
        Assert.Equal("close ref:hidden now", result["text"]!.GetValue<string>());
        Assert.Equal("replace", result["items"]![0]!["operator"]!.GetValue<string>());
        Assert.Equal(6, result["items"]![0]!["start"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(new[] { "pii", "analyze" }, "exactly one of --text, --file or '-'")]
    [InlineData(new[] { "pii", "analyze", "--text", "a", "-" }, "exactly one of --text, --file or '-'")]
    [InlineData(new[] { "pii", "analyze", "--file", "/nonexistent/steward-pii.txt" }, "file not found")]
    [InlineData(new[] { "pii", "analyze", "--text", "a", "--entities", "SHOE_SIZE" }, "unknown entity SHOE_SIZE; supported: TICKET_ID")]
    [InlineData(new[] { "pii", "analyze", "--text", "a", "--language", "xx" }, "language 'xx' is not supported; supported: en")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON" }, "expected TYPE=OPERATOR")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON=mask:chars_to_mask=x" }, "chars_to_mask must be an integer")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON=mask:colour=red" }, "unknown parameter 'colour'")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON=hash:salt=short" }, "salt must be at least 16 bytes")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON=fpe" }, "unknown anonymizer 'fpe'")]
    [InlineData(new[] { "pii", "anonymize", "--text", "a", "--operator", "PERSON=redact", "--operator", "PERSON=keep" }, "PERSON is given twice")]
    public async Task BadInput_IsOneErrorLine(string[] args, string message)
    {
        (await Run(args)).AssertOneErrorLine(message);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0x28, 0x62 }, "is not valid UTF-8")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01 }, "looks binary")]
    public async Task BadFiles_AreReported(byte[] content, string message)
    {
        using var temp = new TempDirectory();
        var file = temp.File("input.bin");
        await File.WriteAllBytesAsync(file, content);
        (await Run(["pii", "analyze", "--file", file])).AssertOneErrorLine(message);
    }

    [Fact]
    public async Task UsageErrors_AreReported()
    {
        var threshold = await Run(["pii", "analyze", "--text", "a", "--threshold", "2"]);
        var argument = await Run(["pii", "analyze", "stray"]);

        Assert.NotEqual(0, threshold.ExitCode);
        Assert.Contains("--threshold must be a number from 0 to 1", threshold.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, argument.ExitCode);
        Assert.Contains("unexpected argument 'stray'", argument.Error, StringComparison.Ordinal);
    }
}
