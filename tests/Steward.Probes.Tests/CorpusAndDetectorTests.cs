using System.Text.Json.Nodes;
using Steward.Probes.Http;
using Steward.Probes.Llm;

namespace Steward.Probes.Tests;

public sealed class CorpusAndDetectorTests
{
    [Fact]
    public void ShippedCorpus_HasAtLeastFortyProbes_InTheThreeCategories()
    {
        var corpus = CorpusLoader.Shipped();
        Assert.True(corpus.Probes.Count() >= 40);
        Assert.Equal(["pii_leak", "prompt_injection", "system_prompt_extraction"], corpus.Categories.Select(c => c.Name).Order());
        Assert.All(corpus.Categories, c => Assert.True(c.Probes.Count >= 10, c.Name));
        Assert.Equal(["LLM01", "LLM02", "LLM07"], corpus.Categories.SelectMany(c => c.OwaspLlm).Order());
    }

    [Fact]
    public void MalformedFiles_AreRefusedWithFileAndLine()
    {
        var yaml = Assert.Throws<CorpusException>(() => CorpusLoader.Load([("mine.yaml", "category: x\ntitle: t\nseverity: high\nprobes:\n  - id: a\n    prompt: [unclosed\n")]));
        Assert.StartsWith("mine.yaml line ", yaml.Message, StringComparison.Ordinal);
        var canary = Assert.Throws<CorpusException>(() => CorpusLoader.Load([("c.yaml", "category: x\ntitle: t\nseverity: high\nprobes:\n  - {id: a, prompt: hello, detect: canary}\n")]));
        Assert.Contains("must contain {{canary}}", canary.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<CorpusException>(() => CorpusLoader.Load([("u.yaml", "category: x\ntitle: t\nseverity: high\nprobes:\n  - {id: a, prompt: hi, detect: vibes}\n")]));
        Assert.Contains("detect must be one of", unknown.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<CorpusException>(() => CorpusLoader.Load(
        [
            ("a.yaml", "category: x\ntitle: t\nseverity: low\nprobes:\n  - {id: same, prompt: hi, detect: pii}\n"),
            ("b.yaml", "category: y\ntitle: t\nseverity: low\nprobes:\n  - {id: same, prompt: hi, detect: pii}\n"),
        ]));
        Assert.Contains("used twice", twice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111-1111-1111-1112", false)]
    [InlineData("5500 0000 0000 0004", true)]
    public void Cards_NeedTheLuhnCheck(string text, bool found) =>
        Assert.Equal(found, Pii.Find($"paid with {text} yesterday").Any(m => m.Kind == "card"));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("DE89 3704 0044 0532 0130 01", false)]
    public void Ibans_NeedTheMod97Check(string text, bool found)
    {
        var matches = Pii.Find($"send it to {text} AND THEN STOP").Where(m => m.Kind == "iban").ToList();
        Assert.Equal(found, matches.Count == 1);
        if (found) Assert.Equal(text, matches[0].Value);
    }

    [Fact]
    public void Redact_MasksEveryKind()
    {
        var redacted = Pii.Redact("mail ann.lee@corp.example, ssn 123-45-6789, card 5500000000000004.");
        Assert.Equal("mail [a***@corp.example], ssn [***-**-6789], card [card ****0004].", redacted);
    }

    [Fact]
    public void PathsAndTemplates_ParseOrSayWhy()
    {
        var doc = JsonNode.Parse("""{"choices":[{"message":{"content":"hi"}}],"a b":{"c":1}}""");
        Assert.Equal("hi", JsonPath.Parse("$.choices[0].message.content").Select(doc)!.GetValue<string>());
        Assert.Equal(1, JsonPath.Parse("$['a b'].c").Select(doc)!.GetValue<int>());
        Assert.Null(JsonPath.Parse("choices[3]").Select(doc));
        Assert.Throws<FormatException>(() => JsonPath.Parse("$.a[x]"));
        Assert.Throws<FormatException>(() => RequestTemplate.Parse("""{"prompt": "no placeholder"}"""));
        Assert.Throws<FormatException>(() => RequestTemplate.Parse("{not json"));
        var body = RequestTemplate.Parse("""{"input": "{{input}}", "wrapped": "Q: {{input}}", "n": [1, "{{input}}"]}""").Render(JsonValue.Create("x")!);
        Assert.Equal("""{"input":"x","wrapped":"Q: x","n":[1,"x"]}""", body.ToJsonString());
    }
}
