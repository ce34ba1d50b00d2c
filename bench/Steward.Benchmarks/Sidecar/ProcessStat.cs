using System.Globalization;

namespace Steward.Benchmarks.Sidecar;

/// <summary>
/// CPU time and resident memory of another process, read from <c>/proc/PID/stat</c> and <c>/proc/PID/status</c>
/// (Linux), so that the load generator can charge each block of requests to the process that served it.
/// </summary>
internal sealed class ProcessStat(string name, int pid)
{
    private static readonly double TickSeconds = 1.0 / 100; // USER_HZ, 100 on Linux

    public string Name { get; } = name;

    public int Pid { get; } = pid;

    /// <summary>User plus system CPU time so far, in seconds (10 ms resolution).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture); // field 14, utime
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15, stime
        return (user + system) * TickSeconds;
    }

    /// <summary>The resident set size in MiB.</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }

        return double.NaN;
    }

    /// <summary>Parses <c>name=pid,name=pid</c>.</summary>
    public static List<ProcessStat> ParseList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new ProcessStat(p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))];
}
