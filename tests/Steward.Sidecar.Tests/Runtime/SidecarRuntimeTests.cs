namespace Steward.Sidecar.Tests.Runtime;

public sealed class SidecarRuntimeTests
{
    [Fact]
    public void Apply_TurnsThreadPoolSpinningOff_UnlessASettingWasGiven()
    {
        var before = AppContext.GetData(SidecarRuntime.SpinLimitSetting);
        var explicitEnv = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") is not null;

        var applied = SidecarRuntime.Apply();

        Assert.Equal(before is null && !explicitEnv, applied);
        if (applied) Assert.Equal(0, AppContext.GetData(SidecarRuntime.SpinLimitSetting));
        Assert.False(SidecarRuntime.Apply()); // a value now exists: never overwritten
    }

    [Theory]
    [InlineData(new[] { "sidecar", "--listen", "http://127.0.0.1:0" }, true)]
    [InlineData(new[] { "sidecar", "--inline-io" }, true)]
    [InlineData(new[] { "sidecar", "--inline-io", "true" }, true)]
    [InlineData(new[] { "sidecar", "--inline-io", "false", "--listen", "x" }, false)]
    [InlineData(new[] { "sidecar", "--inline-io", "FALSE" }, false)]
    [InlineData(new[] { "sidecar", "--inline-io=false" }, false)]
    [InlineData(new[] { "sidecar", "--inline-io:false" }, false)]
    [InlineData(new[] { "sidecar", "--model", "false" }, true)]
    public void InlineIoRequested_IsOnUnlessTheCommandLineSaysFalse(string[] args, bool expected) =>
        Assert.Equal(expected, SidecarRuntime.InlineIoRequested(args));
}
