using Steward.Sidecar.Policies;

namespace Steward.Sidecar.Tests.Policies;

public sealed class RegexPiiDetectorTests
{
    private readonly RegexPiiDetector _detector = new();

    [Theory]
    [InlineData("mail jane.doe@example.co.uk now", "email")]
    [InlineData("card 4111 1111 1111 1111", "credit_card")]
    [InlineData("card 5500-0000-0000-0004", "credit_card")]
    [InlineData("ssn 123-45-6789", "us_ssn")]
    [InlineData("call +447911123456", "phone")]
    public void Finds(string text, string kind) => Assert.Equal([kind], _detector.Find(text));

    [Theory]
    [InlineData("order 4111 1111 1111 1112")]
    [InlineData("ssn 000-45-6789 or 666-12-3456 or 900-12-3456")]
    [InlineData("version 1.2.3, id 12345, at 10:30")]
    [InlineData("user@localhost")]
    public void IgnoresLookAlikes(string text) => Assert.Empty(_detector.Find(text));

    [Fact]
    public void Builtin_ReturnsTheSetOfKinds_AndUsesAReplacementDetector()
    {
        var registry = SidecarBuiltins.Create(new FixedDetector());
        var policy = Steward.Policy.CompiledPolicy.Compile([new Steward.Policy.PolicySource("p.rego", "package p\n\nkinds := steward.pii.find(\"x\")\n")], registry);
        var result = policy.EvaluateData(["p", "kinds"], new Steward.Policy.EvalOptions());
        Assert.Equal("[\"custom\"]", result!.ToJson());
    }

    private sealed class FixedDetector : IPiiDetector
    {
        public IReadOnlyCollection<string> Find(string text) => ["custom"];
    }
}
