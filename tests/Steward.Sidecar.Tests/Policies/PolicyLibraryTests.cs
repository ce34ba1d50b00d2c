using Steward.Policy;
using Steward.Policy.Values;
using Steward.Sidecar.Policies;

namespace Steward.Sidecar.Tests.Policies;

/// <summary>
/// Runs the shipped library's own Rego tests (<c>policies/**/*_test.rego</c>, as <c>opa test policies</c> would) on
/// the embedded engine with the sidecar's built-ins, one xunit case per Rego test.
/// </summary>
public sealed class PolicyLibraryTests
{
    private static readonly Lazy<(CompiledPolicy Policy, ObjectValue Data)> Library = new(() =>
    {
        var bundle = PolicyBundle.Load(RepoPaths.Policies, includeTests: true);
        return (CompiledPolicy.Compile(bundle.Modules, SidecarBuiltins.Create()), bundle.Data);
    });

    public static TheoryData<string> RegoTests()
    {
        var data = new TheoryData<string>();
        var bundle = PolicyBundle.Load(RepoPaths.Policies, includeTests: true);
        foreach (var module in bundle.Modules.Where(m => m.Name.EndsWith("_test.rego", StringComparison.Ordinal)))
        {
            var package = System.Text.RegularExpressions.Regex.Match(module.Text, @"^package\s+(\S+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(module.Text, @"^(test_\w+)", System.Text.RegularExpressions.RegexOptions.Multiline))
                data.Add($"data.{package}.{m.Groups[1].Value}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegoTests))]
    public void RegoTest_Passes(string test)
    {
        var (policy, data) = Library.Value;
        var path = test["data.".Length..].Split('.');
        var result = policy.EvaluateData(path, new EvalOptions { Data = data, StrictBuiltinErrors = true });
        Assert.True(result is not null && result.IsTrue, $"{test} is {(result is null ? "undefined" : result.ToJson())}");
    }

    [Fact]
    public void Library_HasAboutTenRules_EachNamedInItsMessages()
    {
        var text = string.Join('\n', PolicyBundle.Load(RepoPaths.Policies).Modules.Select(m => m.Text));
        var rules = System.Text.RegularExpressions.Regex.Matches(text, @"^# Rule (\w+):", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.InRange(rules.Count, 10, 14);
        Assert.All(rules, r => Assert.Contains($"\"{r}: ", text, StringComparison.Ordinal));
    }
}
