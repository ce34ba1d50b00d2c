namespace Steward.Policy.Tests.Evaluation;

/// <summary>Rules filed by an input equality test give the same answers as running every rule.</summary>
public sealed class RuleIndexTests
{
    private const string Module = """
        package test
        default allow := false
        allow if { input.method == "GET"; input.path == "/health" }
        allow if { input.method == "GET"; startswith(input.path, "/public/") }
        allow if { input.method = "POST"; input.user == "admin" }
        allow if { "DELETE" == input.method; input.user == "root" }
        allow if { input.user == "auditor" }
        allow if { input.method == 1 }
        allow if { input.method == null }

        routes contains r if { input.method == "GET"; r := "read" }
        routes contains r if { input.method == "POST"; r := "write" }
        routes contains r if { input.method == "GET"; r := "list" }
        routes contains "any" if { input.user }
        """;

    [Theory]
    [InlineData("""{"method": "GET", "path": "/health"}""", "true", """["list","read"]""")]
    [InlineData("""{"method": "GET", "path": "/public/x"}""", "true", """["list","read"]""")]
    [InlineData("""{"method": "GET", "path": "/private"}""", "false", """["list","read"]""")]
    [InlineData("""{"method": "POST", "user": "admin"}""", "true", """["any","write"]""")]
    [InlineData("""{"method": "POST", "user": "eve"}""", "false", """["any","write"]""")]
    [InlineData("""{"method": "DELETE", "user": "root"}""", "true", """["any"]""")]
    [InlineData("""{"user": "auditor"}""", "true", """["any"]""")]
    [InlineData("""{"method": 1.0}""", "true", "[]")]
    [InlineData("""{"method": null}""", "true", "[]")]
    [InlineData("""{"method": "PATCH"}""", "false", "[]")]
    [InlineData("""{}""", "false", "[]")]
    public void IndexedRules_AnswerAsIfEveryRuleRan(string input, string allow, string routes)
    {
        Assert.Equal(allow, Rego.Value(Module, "allow", input));
        Assert.Equal(routes, Rego.Value(Module, "routes", input));
    }

    [Fact]
    public void RulesWithManyDefinitions_AreIndexedByTheirCommonInputTest()
    {
        var tree = CompiledPolicy.Compile("test.rego", Module).Tree;
        var allow = tree.Root.Children["test"].Children["allow"];
        Assert.Equal(["method"], allow.Index!.Path);
        Assert.Equal(3, allow.Index.Candidates(new Values.StringValue("GET")).Count); // the two GET rules and the one without a method test
        Assert.Single(allow.Index.Candidates(null));
    }

    [Fact]
    public void WithInput_ChoosesTheRulesOfTheReplacedInput()
    {
        var results = Rego.Query(Module, """x := data.test.allow with input as {"method": "GET", "path": "/health"}""", """{"method": "PUT"}""");
        Assert.Equal("true", Assert.Single(results).Bindings["x"].ToJson());
    }
}
