using System.Collections;
using System.Runtime.InteropServices;

namespace Steward.Pii.Scanning;

/// <summary>
/// Folds analysed batches into the report, in file order, on one thread. Rows are counted once per group (a
/// Parquet row group is read column by column, so its rows are seen once per column); a bit per row of the
/// current group tells which rows had any result.
/// </summary>
internal sealed class ScanAccumulator(ScanOptions options)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<ColumnAccumulator> _columns = [];
    private readonly List<ScanProblem> _problems = [];
    private readonly Dictionary<string, long> _entityCounts = new(StringComparer.Ordinal);
    private long _group = long.MinValue, _groupFirstRow;
    private BitArray _hits = new(0);

    public long Rows { get; private set; }

    public long RowsAffected { get; private set; }

    public long RowsSkipped { get; private set; }

    public long Cells { get; private set; }

    public long ProblemCount { get; private set; }

    public void Declare(IEnumerable<string> columns)
    {
        foreach (var c in columns) Column(c);
    }

    public void Add(RowBatch batch)
    {
        if (batch.Group != _group && batch.GroupRowCount > 0)
        {
            Flush();
            _group = batch.Group;
            _groupFirstRow = batch.GroupFirstRow;
            _hits = new BitArray(batch.GroupRowCount);
            Rows += batch.GroupRowCount;
        }
        RowsSkipped += batch.SkippedRows;
        foreach (var p in batch.Problems)
        {
            ProblemCount++;
            if (_problems.Count < options.MaxProblems) _problems.Add(p);
        }
        if (batch.Cells.Count == 0) return;
        var map = new int[batch.ColumnNames.Count];
        Array.Fill(map, -1);
        for (var i = 0; i < batch.Cells.Count; i++)
        {
            var cell = batch.Cells[i];
            if (map[cell.Column] < 0) map[cell.Column] = Column(batch.ColumnNames[cell.Column]);
            var column = _columns[map[cell.Column]];
            column.Cells++;
            var findings = batch.FindingsOf(i);
            if (findings.IsEmpty) continue;
            var row = batch.FirstRow + cell.Row;
            _hits[(int)(row - _groupFirstRow)] = true;
            foreach (ref readonly var f in findings)
            {
                column.Add(row, f, cell.Text, findings, options.SamplesPerEntity);
                CollectionsMarshal.GetValueRefOrAddDefault(_entityCounts, f.EntityType, out _)++;
            }
        }
        Cells += batch.Cells.Count;
    }

    private int Column(string name)
    {
        if (_index.TryGetValue(name, out var i)) return i;
        _index[name] = i = _columns.Count;
        _columns.Add(new ColumnAccumulator(name));
        return i;
    }

    private void Flush()
    {
        for (var i = 0; i < _hits.Count; i++) if (_hits[i]) RowsAffected++;
        _hits = new BitArray(0);
    }

    public (IReadOnlyList<ColumnReport> Columns, IReadOnlyList<ScanProblem> Problems, IReadOnlyDictionary<string, long> Entities) Finish()
    {
        Flush();
        return ([.. _columns.Select(c => c.ToReport())], [.. _problems],
            _entityCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }
}
