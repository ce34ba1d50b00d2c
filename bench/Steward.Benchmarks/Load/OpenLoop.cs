using System.Diagnostics;

namespace Steward.Benchmarks.Load;

/// <summary>
/// An open-loop load driver: requests start on a fixed schedule whatever the answers do, and each latency is
/// measured from the request's scheduled start, so a slow server cannot hide its queue (no coordinated omission).
/// </summary>
internal static class OpenLoop
{
    /// <summary>Sends <paramref name="rate"/> requests per second for <paramref name="seconds"/> seconds.</summary>
    /// <param name="rate">Requests per second.</param>
    /// <param name="seconds">Duration.</param>
    /// <param name="send">Sends one request; true when it succeeded. An <see cref="HttpRequestException"/> counts as an error.</param>
    /// <returns>Latencies in milliseconds (scheduled start to answer) and the number of errors.</returns>
    public static async Task<(double[] Latencies, int Errors)> RunAsync(int rate, int seconds, Func<Task<bool>> send)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var tasks = new Task[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var scheduled = i * 1000.0 / rate;
            var wait = scheduled - clock.Elapsed.TotalMilliseconds;
            if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var n = i;
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    if (!await send()) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[n] = clock.Elapsed.TotalMilliseconds - scheduled;
            });
        }

        await Task.WhenAll(tasks);
        return (latencies, errors);
    }

    /// <summary>p50, p90, p99, p99.9 and max of latencies (sorts the array in place).</summary>
    public static (double P50, double P90, double P99, double P999, double Max) Percentiles(double[] latencies)
    {
        Array.Sort(latencies);
        double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        return (P(0.50), P(0.90), P(0.99), P(0.999), latencies.Length == 0 ? double.NaN : latencies[^1]);
    }
}
