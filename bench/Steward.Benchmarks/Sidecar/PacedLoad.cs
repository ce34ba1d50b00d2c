using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Steward.Benchmarks.Sidecar;

/// <summary>
/// An open-loop load driver whose starts keep to a fixed schedule without 1 ms timer granularity and without spinning:
/// one pacing thread sleeps until each request's scheduled start with <c>clock_nanosleep(CLOCK_MONOTONIC,
/// TIMER_ABSTIME)</c> (microsecond precision on Linux; <see cref="Stopwatch"/> reads the same clock) and starts the
/// request itself. A request whose time has already passed (the pacer was descheduled) starts at once, and every
/// latency is measured from the scheduled start, so a late start or a slow server is charged to the measurement
/// (corrected for coordinated omission). Off Linux it falls back to <see cref="Thread.Sleep(int)"/> (1 ms steps).
/// </summary>
internal static class PacedLoad
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsTime = 1;
    private const int Eintr = 4;

    /// <summary>The outcome of one paced run.</summary>
    /// <param name="Latencies">Milliseconds from each request's scheduled start to its complete answer.</param>
    /// <param name="Errors">Requests that failed or answered other than as expected.</param>
    /// <param name="LateStarts">Milliseconds each request started after its schedule (the pacer's own error).</param>
    internal sealed record Result(double[] Latencies, int Errors, double[] LateStarts);

    /// <summary>Sends <paramref name="rate"/> requests per second for <paramref name="seconds"/> seconds.</summary>
    /// <param name="rate">Requests per second.</param>
    /// <param name="seconds">Duration.</param>
    /// <param name="send">Sends one request; true when it succeeded. An <see cref="HttpRequestException"/> counts as an error.</param>
    public static async Task<Result> RunAsync(int rate, int seconds, Func<Task<bool>> send)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var late = new double[total];
        var tasks = new Task[total];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var period = (double)Stopwatch.Frequency / rate;
        var exact = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

        async Task One(int n, long scheduled)
        {
            try
            {
                if (!await send().ConfigureAwait(false)) Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            latencies[n] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
        }

        // The pacer signals its end instead of being joined: a join would hold a thread-pool thread for the whole
        // block, and on a generator pinned to one core (a pool of one thread) every answer would then wait for the
        // pool to inject another thread, which showed up as stalls of ~0.8 s in both paths.
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < total; i++)
                {
                    var scheduled = started + (long)(i * period);
                    SleepUntil(scheduled, exact);
                    late[i] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
                    tasks[i] = One(i, scheduled);
                }

                paced.SetResult();
            }
            catch (Exception e)
            {
                paced.SetException(e);
            }
        }) { IsBackground = true, Name = "pacer" };
        pacer.Start();
        await paced.Task.ConfigureAwait(false);
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new Result(latencies, errors, late);
    }

    private static void SleepUntil(long timestamp, bool exact)
    {
        if (Stopwatch.GetTimestamp() >= timestamp) return;
        if (exact)
        {
            var until = new Timespec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
            int result;
            while ((result = ClockNanosleep(ClockMonotonic, TimerAbsTime, ref until, IntPtr.Zero)) == Eintr)
            {
                // A signal woke the thread; sleep again until the same absolute time.
            }

            if (result != 0) throw new InvalidOperationException($"clock_nanosleep failed with error {result}");
            return;
        }

        var ms = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp).TotalMilliseconds;
        if (ms >= 1) Thread.Sleep((int)ms);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the signature is blittable (no marshalling to generate), and the source
    // generator would need unsafe code enabled for the whole benchmark project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remaining);
#pragma warning restore SYSLIB1054
}
