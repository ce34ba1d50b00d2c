namespace Steward.Pii.Scanning;

/// <summary>A batch with no rows, carrying problems (for example the binary content that stopped a scan).</summary>
internal sealed class EmptyBatch : RowBatch
{
    public override void Prepare(CellMemo? memo)
    {
    }

    public override void Redact() => Redacted = new System.Text.StringBuilder();
}
