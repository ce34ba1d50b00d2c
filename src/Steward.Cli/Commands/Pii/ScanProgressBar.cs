using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Pii.Scanning;

namespace Steward.Cli.Commands.Pii;

/// <summary>A one-line progress bar on standard error (bytes read of the total, rate), drawn only on a terminal, at most five times a second.</summary>
internal sealed class ScanProgressBar(TextWriter error, TimeProvider time) : IProgress<ScanProgress>, IDisposable
{
    private readonly long _started = time.GetTimestamp();
    private long _lastDrawn = long.MinValue;
    private bool _drawn;

    /// <summary>A bar when standard error is the console and a terminal; otherwise null.</summary>
    public static ScanProgressBar? Create(CliContext context) =>
        ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected ? new ScanProgressBar(context.Error, context.Time) : null;

    public void Report(ScanProgress value)
    {
        var now = time.GetTimestamp();
        if (_drawn && time.GetElapsedTime(_lastDrawn, now) < TimeSpan.FromMilliseconds(200) && value.BytesRead < value.TotalBytes) return;
        _lastDrawn = now;
        _drawn = true;
        var fraction = value.TotalBytes == 0 ? 1 : Math.Clamp(value.BytesRead / (double)value.TotalBytes, 0, 1);
        var seconds = Math.Max(time.GetElapsedTime(_started, now).TotalSeconds, 1e-3);
        var filled = (int)(fraction * 30);
        lock (error)
        {
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,5:0.0}%  {ScanCommand.Size(value.BytesRead)} / {ScanCommand.Size(value.TotalBytes)}  {value.BytesRead / seconds / 1e6:0.0} MB/s  {value.Rows:N0} rows "));
            error.Flush();
        }
    }

    /// <summary>Erases the bar.</summary>
    public void Clear()
    {
        if (!_drawn) return;
        lock (error) error.Write("\r" + new string(' ', 100) + "\r");
        _drawn = false;
    }

    public void Dispose() => Clear();
}
