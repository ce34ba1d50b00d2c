using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Steward.Pii.Scanning;

/// <summary>
/// Scans a dataset file (CSV, JSON Lines, Parquet) for personal data in constant memory: one thread reads the
/// file into batches of rows, every core parses and analyses batches, and one thread folds the results into
/// the report in file order (and writes the redacted copy). At most a few batches are in flight, so memory
/// does not grow with the file. Never throws on odd content: invalid UTF-8, binary data, over-long rows and
/// malformed JSON are reported with their row and byte position. Thread-safe.
/// </summary>
public sealed class DatasetScanner(AnalyzerEngine engine, TimeProvider? time = null)
{
    /// <summary>
    /// Scans <paramref name="path"/>. Throws <see cref="PiiRequestException"/> for a request that cannot be
    /// served (unknown format, column, language or entity type) and <see cref="IOException"/> when the file
    /// cannot be read.
    /// </summary>
    public async Task<ScanReport> ScanFileAsync(string path, ScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var format = options.Format ?? ScanFormats.FromPath(path)
            ?? throw new PiiRequestException($"cannot tell the format of '{Path.GetFileName(path)}' from its name; give the format (csv, jsonl or parquet)");
        var analyze = Validate(options);
        var started = (time ?? TimeProvider.System).GetTimestamp();

        await using IRowSource source = format == ScanFormat.Parquet ? new ParquetRowSource(path, options) : new TextRowSource(path, format, options);
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        var accumulator = new ScanAccumulator(options);
        accumulator.Declare(source.DeclaredColumns);
        await using var copy = options.RedactTo is null ? null
            : source is ParquetRowSource parquet ? await parquet.CreateCopyAsync(options.RedactTo, cancellationToken).ConfigureAwait(false)
            : (IRedactedCopy)RedactedCopy.Create(options.RedactTo, source.RedactedPreamble);

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        var work = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(workers) { SingleWriter = true });
        var ordered = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(workers * 2 + 1) { SingleWriter = true, SingleReader = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await source.ProduceAsync(async batch =>
                {
                    await ordered.Writer.WriteAsync(batch, cts.Token).ConfigureAwait(false);
                    await work.Writer.WriteAsync(batch, cts.Token).ConfigureAwait(false);
                }, cts.Token).ConfigureAwait(false);
                ordered.Writer.Complete();
                work.Writer.Complete();
            }
            catch (Exception e)
            {
                ordered.Writer.TryComplete(e);
                work.Writer.TryComplete(e);
            }
        }, cts.Token);
        var analysers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => AnalyseAsync(work.Reader, analyze, copy is not null, options.MemoizeCells ? new CellMemo() : null, cts.Token), cts.Token)).ToArray();
        try
        {
            await foreach (var batch in ordered.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                try
                {
                    await batch.Done.Task.WaitAsync(cts.Token).ConfigureAwait(false);
                    accumulator.Add(batch);
                    if (copy is not null) await copy.AddAsync(batch, cts.Token).ConfigureAwait(false);
                }
                finally
                {
                    // A batch whose worker may still be writing (the wait above was cancelled) keeps its pooled
                    // buffers: giving them back now would hand them to another user while being written.
                    if (batch.Done.Task.IsCompleted) batch.Release();
                }
            }
        }
        catch
        {
            await cts.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            await producer.ConfigureAwait(false);
            await Task.WhenAll(analysers).ConfigureAwait(false);
        }

        var complete = source.Complete;
        string? redactedTo = null;
        if (copy is not null && complete) { await copy.CommitAsync(cancellationToken).ConfigureAwait(false); redactedTo = options.RedactTo; }
        var (columns, problems, entities) = accumulator.Finish();
        var report = new ScanReport
        {
            File = Path.GetFileName(path),
            Format = ScanFormats.Name(format),
            Sha256 = await source.Sha256Async(cancellationToken).ConfigureAwait(false),
            Bytes = new FileInfo(path).Length,
            Rows = accumulator.Rows,
            RowsAffected = accumulator.RowsAffected,
            RowsSkipped = accumulator.RowsSkipped,
            CellsScanned = accumulator.Cells,
            EntityCounts = entities,
            Complete = complete,
            DurationSeconds = Math.Round((time ?? TimeProvider.System).GetElapsedTime(started).TotalSeconds, 3),
            Columns = columns,
            Problems = problems,
            ProblemCount = accumulator.ProblemCount,
            Rule = options.Rule,
            Verdict = new ScanVerdict(false, "", []),
            RedactedTo = redactedTo,
        };
        return report with { Verdict = options.Rule.Evaluate(report) };
    }

    private AnalyzeOptions Validate(ScanOptions options)
    {
        options.Rule.Validate();
        if (options.MaxRowBytes < 1024) throw new PiiRequestException("the maximum row size must be at least 1024 bytes");
        var analyze = new AnalyzeOptions { Language = options.Language, Entities = options.Entities, ScoreThreshold = options.Rule.MinScore };
        engine.Analyze("", analyze); // unknown language or entity types fail here, before any reading
        var supported = engine.Registry.EntitiesFor(options.Language).ToHashSet(StringComparer.Ordinal);
        var unknown = options.Rule.FailOn.Where(e => !supported.Contains(e)).ToArray();
        if (unknown.Length > 0 && !ReferenceEquals(options.Rule.FailOn, ScanRule.DefaultFailOn))
            throw new PiiRequestException($"cannot fail on {string.Join(", ", unknown)}: no recognizer reports it; supported: {string.Join(", ", supported.Order(StringComparer.Ordinal))}");
        return analyze;
    }

    // Errors reach the merger through each batch (or the ordered channel), so a worker's own loop never throws.
    private async Task AnalyseAsync(ChannelReader<RowBatch> reader, AnalyzeOptions analyze, bool redact, CellMemo? memo, CancellationToken cancellationToken)
    {
        try
        {
            await AnalyseEachAsync(reader, analyze, redact, memo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || reader.Completion.IsFaulted)
        {
        }
    }

    // Each worker has its own memo (one batch at a time, so no locking).
    private async Task AnalyseEachAsync(ChannelReader<RowBatch> reader, AnalyzeOptions analyze, bool redact, CellMemo? memo, CancellationToken cancellationToken)
    {
        await foreach (var batch in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                batch.Prepare(memo);
                Analyse(batch, analyze, memo);
                if (redact) batch.Redact();
                batch.Done.TrySetResult();
            }
            catch (Exception e)
            {
                batch.Done.TrySetException(e);
            }
        }
    }

    private void Analyse(RowBatch batch, AnalyzeOptions analyze, CellMemo? memo)
    {
        // Each cell is analysed with its column's name as extra context, so a weak match under a header such as
        // "ssn" or "account_number" scores as it would after those words in a sentence. Findings stay structs in
        // the batch's one list until the report folds them in. A value the column has had before takes its findings
        // from the worker's memo (the engine's answer depends only on the text and the column's options).
        var ends = batch.FindingEnds = BatchPool.RentEnds(batch.Cells.Count);
        var findings = batch.Findings;
        // Per column (a small index), its compiled options and memo, made on its first cell.
        var perColumn = new (CellAnalysis? Analysis, ColumnMemo? Memo)[batch.ColumnNames.Count];
        var failedRows = new HashSet<int>();
        for (var i = 0; i < batch.Cells.Count; i++)
        {
            var cell = batch.Cells[i];
            ref var column = ref perColumn[cell.Column];
            if (column.Analysis is null)
            {
                var name = batch.ColumnNames[cell.Column];
                column = (engine.PrepareCells(ColumnContext.Apply(analyze, name)), memo?.For(name));
            }
            var known = cell.Known;
            if (known is null && !batch.LookedUp && column.Memo is not null && column.Memo.TryGet(cell.Text, out _, out var found)) known = found;
            if (known is not null)
            {
                findings.AddRange(known);
                ends[i] = findings.Count;
                continue;
            }
            var before = findings.Count;
            try
            {
                engine.AnalyzeCellInto(cell.Text, column.Analysis, findings);
                column.Memo?.Add(cell.Text, CollectionsMarshal.AsSpan(findings)[before..]);
            }
            catch (PiiRequestException e)
            {
                // A recognizer gave up on this cell (a regex timeout): report the row, keep scanning.
                findings.RemoveRange(before, findings.Count - before);
                if (failedRows.Add(cell.Row))
                    batch.Problems.Add(new ScanProblem("analysis_failed", batch.FirstRow + cell.Row, -1, $"{batch.ColumnNames[cell.Column]}: {e.Message}"));
            }
            ends[i] = findings.Count;
        }
        batch.SkippedRows += failedRows.Count;
    }
}
