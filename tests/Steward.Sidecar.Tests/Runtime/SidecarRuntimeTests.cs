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
}
