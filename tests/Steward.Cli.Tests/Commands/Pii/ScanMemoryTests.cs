using Steward.Cli.Commands.Pii;

namespace Steward.Cli.Tests.Commands.Pii;

public sealed class ScanMemoryTests
{
    [Fact]
    public void Cap_LeavesAHostThatIsNotTheStewardExecutableAlone()
    {
        // The scan command runs in-process here: capping the GC heap would cap the whole test host.
        var before = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.False(ScanMemory.Cap());
        Assert.Null(AppContext.GetData("GCHeapHardLimit"));
        Assert.Equal(before, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }
}
