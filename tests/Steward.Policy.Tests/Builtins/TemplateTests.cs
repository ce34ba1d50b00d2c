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

    [Fact]
    public void NamedTemplates_DefineTemplateAndBlock()
    {
        Assert.Equal(Call.Str("<b>x</b> and <b>y</b>"), Render("{{define \"bold\"}}<b>{{.}}</b>{{end}}{{template \"bold\" .a}} and {{template \"bold\" .b}}", "{\"a\": \"x\", \"b\": \"y\"}"));
        Assert.Equal(Call.Str("[1][2]"), Render("{{block \"item\" .n}}[{{.}}]{{end}}{{template \"item\" 2}}", "{\"n\": 1}"));
        Assert.Equal(Call.Str("<no value>"), Render("{{define \"t\"}}{{.}}{{end}}{{template \"t\"}}", "{}"));
        // $ inside a called template is the value passed, not the outer data.
        Assert.Equal(Call.Str("inner"), Render("{{define \"t\"}}{{$}}{{end}}{{template \"t\" .v}}", "{\"v\": \"inner\"}"));
        Assert.Contains("template \"nope\" not defined", Call.Error("strings.render_template", "\"{{template \\\"nope\\\"}}\"", "{}"), StringComparison.Ordinal);
        Assert.Contains("exceeded maximum template depth", Call.Error("strings.render_template", "\"{{define \\\"r\\\"}}{{template \\\"r\\\"}}{{end}}{{template \\\"r\\\"}}\"", "{}"), StringComparison.Ordinal);
        Assert.Contains("unexpected <define> in command", Call.Error("strings.render_template", "\"{{if true}}{{define \\\"x\\\"}}{{end}}{{end}}\"", "{}"), StringComparison.Ordinal);
    }

    [Fact]
    public void BreakAndContinue_EndOrSkipARangeIteration()
    {
        Assert.Equal(Call.Str("1 2 "), Render("{{range .xs}}{{if eq . 3}}{{break}}{{end}}{{.}} {{end}}", "{\"xs\": [1, 2, 3, 4]}"));
        Assert.Equal(Call.Str("1 2 4 "), Render("{{range .xs}}{{if eq . 3}}{{continue}}{{end}}{{.}} {{end}}", "{\"xs\": [1, 2, 3, 4]}"));
        Assert.Contains("{{break}} outside {{range}}", Call.Error("strings.render_template", "\"{{break}}\"", "{}"), StringComparison.Ordinal);
    }

    [Fact]
    public void SliceJsAndCall_AsGosFunctions()
    {
        Assert.Equal(Call.Str("ell [2 3] [1 2 3]"), Render("{{slice .s 1 4}} {{slice .xs 1}} {{slice .xs}}", "{\"s\": \"hello\", \"xs\": [1, 2, 3]}"));
        Assert.Contains("error calling slice: index out of range: 9", Call.Error("strings.render_template", "\"{{slice .s 9}}\"", "{\"s\": \"abc\"}"), StringComparison.Ordinal);
        Assert.Contains("invalid slice index: 2 > 1", Call.Error("strings.render_template", "\"{{slice .s 2 1}}\"", "{\"s\": \"abc\"}"), StringComparison.Ordinal);
        Assert.Equal(Call.Str("\\u003Cb\\u003E \\'q\\' \\\"d\\\" a\\u003Db \\u0026 \\\\ \\u000A é"), Render("{{js .v}}", "{\"v\": \"<b> 'q' \\\"d\\\" a=b & \\\\ \\n é\"}"));
        Assert.Contains("error calling call", Call.Error("strings.render_template", "\"{{call .f}}\"", "{\"f\": \"x\"}"), StringComparison.Ordinal);
    }
}
