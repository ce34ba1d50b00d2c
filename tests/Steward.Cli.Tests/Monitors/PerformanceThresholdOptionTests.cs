using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;

namespace Steward.Cli.Tests.Monitors;

/// <summary><c>steward monitor create --performance-threshold METRIC=X</c> against a live server: the API's <c>performance_thresholds</c>; bad input is one line.</summary>
public sealed class PerformanceThresholdOptionTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Thresholds_ReachTheMonitorDefinition()
    {
        var created = JsonNode.Parse(await server.OkAsync(["monitor", "create", "--name", $"m-{Guid.NewGuid():N}", "--endpoint", "credit-api",
            "--prediction", "pred", "--label", "y", "--performance-threshold", "accuracy=0.9", "--performance-threshold", "roc_auc = 0.75", "--json"]))!;
        var thresholds = created["performance_thresholds"]!.AsObject();
        Assert.Equal(0.9, thresholds["accuracy"]!.GetValue<double>());
        Assert.Equal(0.75, thresholds["roc_auc"]!.GetValue<double>());

        var regression = JsonNode.Parse(await server.OkAsync(["monitor", "create", "--name", $"m-{Guid.NewGuid():N}", "--endpoint", "credit-api",
            "--prediction", "pred", "--label", "y", "--task", "regression", "--performance-threshold", "rmse=3", "--json"]))!;
        Assert.Equal(3.0, regression["performance_thresholds"]!["rmse"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("accuracy", "--performance-threshold takes METRIC=X, not 'accuracy'")]
    [InlineData("=0.9", "takes METRIC=X")]
    [InlineData("accuracy=", "takes METRIC=X")]
    [InlineData("precison=0.9", "unknown metric 'precison'")]
    [InlineData("accuracy=high", "'high' is not a finite number")]
    [InlineData("accuracy=NaN", "is not a finite number")]
    [InlineData("mae=1e400", "is not a finite number")]
    public async Task BadThresholds_AreOneLineOnStderr(string pair, string message) =>
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--prediction", "p", "--label", "l", "--performance-threshold", pair]))
            .AssertOneErrorLine(message);

    [Fact]
    public async Task ARepeatedMetric_OrOneThatDoesNotSuitTheTask_IsRefused()
    {
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--prediction", "p", "--label", "l",
            "--performance-threshold", "f1=0.5", "--performance-threshold", "f1=0.6"])).AssertOneErrorLine("'f1' is given twice");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--prediction", "p", "--label", "l",
            "--performance-threshold", "rmse=2"])).AssertOneErrorLine("performance_thresholds.rmse");
        (await server.RunAsync(["monitor", "create", "--name", "x", "--endpoint", "e", "--performance-threshold", "accuracy=0.9"]))
            .AssertOneErrorLine("needs both label and prediction");
    }
}
