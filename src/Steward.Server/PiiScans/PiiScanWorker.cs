using System.Threading.Channels;
using Steward.Governance.PiiScans;
using Steward.Pii;
using Steward.Pii.Scanning;

namespace Steward.Server.PiiScans;

/// <summary>
/// Scans uploaded datasets one at a time in the background (a scan already uses every core), records progress
/// about once a second and the result through <see cref="PiiScanStore"/>, and deletes the temp file. Scans left
/// queued or running by a previous process are marked failed at start.
/// </summary>
internal sealed partial class PiiScanWorker(PiiScanStore scans, IServiceProvider services, PiiScanOptions options, TimeProvider time, ILogger<PiiScanWorker> logger)
    : BackgroundService
{
    private readonly Channel<PiiScanJob> _queue = Channel.CreateBounded<PiiScanJob>(Math.Max(1, options.QueueLength));
    private AnalyzerEngine? _engine;

    /// <summary>The engine scans use: the host's <see cref="AnalyzerEngine"/>, or the default recognizers (tests may set their own).</summary>
    internal AnalyzerEngine Engine
    {
        get => _engine ??= services.GetService<AnalyzerEngine>() ?? AnalyzerEngine.CreateDefault();
        set => _engine = value;
    }

    /// <summary>Queues a job; false when the queue is full.</summary>
    public bool TryQueue(PiiScanJob job) => _queue.Writer.TryWrite(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await scans.FailInterruptedAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // one failed scan must not stop the worker; the scan records why it failed
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogScanFailed(logger, job.ScanId, e.GetType().Name);
                await scans.FailAsync(job.ScanId, e is PiiRequestException or IOException ? e.Message : "the scan failed unexpectedly", CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(job.TempPath);
            }
        }
    }

    private async Task RunAsync(PiiScanJob job, CancellationToken ct)
    {
        var progress = new LatestProgress();
        var scanner = new DatasetScanner(Engine, time);
        var scan = scanner.ScanFileAsync(job.TempPath, new ScanOptions
        {
            Format = job.Options.Format, Columns = job.Options.Columns, Rule = job.Options.Rule, Progress = progress,
        }, ct);
        await scans.ProgressAsync(job.ScanId, 0, ct).ConfigureAwait(false);
        while (!scan.IsCompleted)
        {
            await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(1), time, ct)).ConfigureAwait(false);
            if (!scan.IsCompleted) await scans.ProgressAsync(job.ScanId, progress.BytesRead, ct).ConfigureAwait(false);
        }
        var report = await scan.ConfigureAwait(false);
        await scans.CompleteUploadAsync(job.Actor, job.ScanId, report with { File = job.FileName }, ct).ConfigureAwait(false);
    }

    private sealed class LatestProgress : IProgress<ScanProgress>
    {
        private long _bytes;

        public long BytesRead => Interlocked.Read(ref _bytes);

        public void Report(ScanProgress value) => Interlocked.Exchange(ref _bytes, value.BytesRead);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PII scan {ScanId} failed: {ErrorType}")]
    private static partial void LogScanFailed(ILogger logger, string scanId, string errorType);
}
