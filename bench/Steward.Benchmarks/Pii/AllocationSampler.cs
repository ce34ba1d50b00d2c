using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// Which types a piece of code allocates, without a profiler: the runtime's GC AllocationTick event (one per about
/// 100 KB allocated, naming the type of the object that crossed the mark) heard in process. Counts are samples, so a
/// type's share of the ticks is its share of the bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, int> _ticks = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    public IEnumerable<(string Type, int Ticks)> Top(int n) => _ticks.OrderByDescending(p => p.Value).Take(n).Select(p => (p.Key, p.Value));

    /// <summary>For a compiler-generated type name, the Steward types declaring one and the fields it captures.</summary>
    public static string Declarers(string name)
    {
        var found = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Steward", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name == name && t.DeclaringType is not null)
            .Select(t => $"{t.DeclaringType!.FullName}{{{string.Join(", ", t.GetFields().Select(f => f.Name))}}}");
        return " in " + string.Join("; ", found);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var index = e.PayloadNames?.IndexOf("TypeName") ?? -1;
        var type = index >= 0 ? e.Payload[index] as string ?? "?" : "?";
        var sizeIndex = e.PayloadNames?.IndexOf("ObjectSize") ?? -1;
        if (sizeIndex >= 0 && e.Payload[sizeIndex] is ulong size)
        {
            type += size < 1024 ? " (under 1 KB)" : size < 65536 ? " (1-64 KB)" : " (64 KB or more)";
        }
        _ticks.AddOrUpdate(type, 1, (_, c) => c + 1);
    }
}
