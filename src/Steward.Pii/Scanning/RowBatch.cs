using System.Runtime.InteropServices;
using System.Text;

namespace Steward.Pii.Scanning;

/// <summary>
/// A slice of rows handed from the reader to a worker: the worker parses it into cells (<see cref="Prepare"/>),
/// analyses them and, when a redacted copy is wanted, renders the rows redacted (<see cref="Redact"/>); the
/// merger then folds it into the report in file order.
/// </summary>
internal abstract class RowBatch
{
    /// <summary>The 1-based number of the batch's first row.</summary>
    public long FirstRow { get; init; }

    /// <summary>Rows in the batch (skipped rows included).</summary>
    public int RowCount { get; protected set; }

    /// <summary>Rows are counted once per group: a text batch is its own group, a Parquet row group is one.</summary>
    public long Group { get; init; }

    /// <summary>The 1-based number of the group's first row.</summary>
    public long GroupFirstRow { get; init; }

    /// <summary>Rows in the group.</summary>
    public int GroupRowCount { get; init; }

    /// <summary>Batch-local column names (index = <see cref="Cell.Column"/>).</summary>
    public List<string> ColumnNames { get; protected set; } = [];

    /// <summary>The values to analyse (a list reused from batch to batch: a 512 KiB batch holds tens of thousands of cells).</summary>
    public List<Cell> Cells { get; } = BatchPool.RentCells();

    /// <summary>Problems found while reading or parsing.</summary>
    public List<ScanProblem> Problems { get; } = [];

    /// <summary>Rows that could not be scanned.</summary>
    public int SkippedRows { get; set; }

    /// <summary>Every cell's findings, cell after cell (filled by the worker; a pooled list).</summary>
    public List<Finding> Findings { get; } = BatchPool.RentFindings();

    /// <summary>Per cell, the end of its findings in <see cref="Findings"/> (a pooled array, possibly longer than <see cref="Cells"/>).</summary>
    public int[] FindingEnds { get; set; } = [];

    /// <summary>The findings of cell <paramref name="index"/>, in text order (valid until <see cref="Release"/>).</summary>
    public ReadOnlySpan<Finding> FindingsOf(int index)
    {
        var start = index == 0 ? 0 : FindingEnds[index - 1];
        return CollectionsMarshal.AsSpan(Findings)[start..FindingEnds[index]];
    }

    /// <summary>The rows redacted, in the output format (set by <see cref="Redact"/>).</summary>
    public StringBuilder? Redacted { get; protected set; }

    /// <summary>Completed by the worker (or faulted).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Parses the batch into <see cref="Cells"/> (on a worker thread). A format that decodes its values itself may
    /// look them up in the worker's <paramref name="memo"/> on the way, giving cells their known findings (and the
    /// memo's string), and then sets <see cref="LookedUp"/>.
    /// </summary>
    public abstract void Prepare(CellMemo? memo);

    /// <summary>True when <see cref="Prepare"/> looked every cell up in the memo, so the analysis need not look again.</summary>
    public bool LookedUp { get; protected set; }

    /// <summary>Renders the rows with every result replaced (on a worker thread, after analysis).</summary>
    public virtual void Redact() => throw new NotSupportedException("this format has no redacted copy");

    /// <summary>Returns pooled memory (once the batch is folded into the report).</summary>
    public virtual void Release()
    {
        BatchPool.Return(Cells, Findings, FindingEnds);
        FindingEnds = [];
    }
}
