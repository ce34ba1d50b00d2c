using Steward.Pii.Recognizers;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

public sealed class ColumnContextTests
{
    [Theory]
    [InlineData("account_number", new[] { "account", "number" })]
    [InlineData("phoneNumber", new[] { "phone", "number" })]
    [InlineData("SSN", new[] { "ssn" })]
    [InlineData("social-security no.", new[] { "social", "security", "no" })]
    [InlineData("42", new string[0])]
    public void Words_SplitAtNonLettersAndCaseChanges(string column, string[] expected) =>
        Assert.Equal(expected, ColumnContext.Words(column));

    [Fact]
    public void ColumnName_RaisesAWeakMatchAsContextWould()
    {
        var recognizer = new RegexRecognizer("ssn", "US_SSN", [new PatternDefinition("p", @"\d{3}-\d{2}-\d{4}", 0.5)], context: ["social security", "ssn"]);
        var engine = new AnalyzerEngine(new RecognizerRegistry([recognizer]));
        var plain = new AnalyzeOptions();
        Assert.Equal(0.5, Assert.Single(engine.Analyze("123-45-6789", plain)).Score, 6);
        Assert.Equal(0.85, Assert.Single(engine.Analyze("123-45-6789", ColumnContext.Apply(plain, "customer_ssn"))).Score, 6);
        Assert.Equal(0.85, Assert.Single(engine.Analyze("123-45-6789", ColumnContext.Apply(plain, "SocialSecurityNumber"))).Score, 6);
        Assert.Equal(0.5, Assert.Single(engine.Analyze("123-45-6789", ColumnContext.Apply(plain, "notes"))).Score, 6);
    }
}
