namespace Steward.Policy.Tests.Builtins;

public sealed class TemplateTests
{
    private static string? Render(string template, string vars) => Call.Json("strings.render_template", Call.Str(template), vars);

    [Fact]
    public void Substitutes_FieldsAndNestedFields() =>
        Assert.Equal(Call.Str("Hello Bob, you are 42 (admin)"), Render("Hello {{.name}}, you are {{.age}} ({{.role.name}})", "{\"name\": \"Bob\", \"age\": 42, \"role\": {\"name\": \"admin\"}}"));

    [Fact]
    public void RangeIfAndTrimMarkers()
    {
        Assert.Equal(Call.Str("a,b,c,"), Render("{{range .items}}{{.}},{{end}}", "{\"items\": [\"a\", \"b\", \"c\"]}"));
        Assert.Equal(Call.Str("0=a 1=b "), Render("{{range $i, $v := .items}}{{$i}}={{$v}} {{end}}", "{\"items\": [\"a\", \"b\"]}"));
        Assert.Equal(Call.Str("yes"), Render("{{if .ok -}}  yes  {{- else}}no{{end}}", "{\"ok\": true}"));
        Assert.Equal(Call.Str("none"), Render("{{range .items}}x{{else}}none{{end}}", "{\"items\": []}"));
        Assert.Equal(Call.Str("big"), Render("{{if gt .n 10}}big{{else if gt .n 5}}medium{{else}}small{{end}}", "{\"n\": 11}"));
    }

    [Fact]
    public void PrintsCollectionsLikeGo() =>
        Assert.Equal(Call.Str("[1 2] map[a:1 b:x]"), Render("{{.list}} {{.map}}", "{\"list\": [1, 2], \"map\": {\"b\": \"x\", \"a\": 1}}"));

    [Fact]
    public void MissingKeys_AreErrors() =>
        Assert.Contains("map has no entry for key \"missing\"", Call.Error("strings.render_template", "\"{{.missing}}\"", "{}"), StringComparison.Ordinal);
}
