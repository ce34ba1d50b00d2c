namespace Steward.Server.Reports;

/// <summary>
/// A report as content, independent of its format: sections of paragraphs, lists and fact tables whose every
/// claim names the ledger entries it rests on, and an appendix with those entries and their inclusion proofs.
/// The HTML and PDF renderers draw the same document.
/// </summary>
internal sealed record ReportDocument(
    string Title, string Subtitle, IReadOnlyList<(string Name, string Value)> Header, IReadOnlyList<ReportSection> Sections, SystemEvidence Evidence)
{
    /// <summary>Every entry some claim cites, in ledger order.</summary>
    public IReadOnlyList<EvidenceEntry> Cited()
    {
        var cited = new HashSet<long>(Sections.SelectMany(s => s.Blocks).SelectMany(b => b.Claims).SelectMany(c => c.Cites));
        return [.. Evidence.Entries.Where(e => cited.Contains(e.Index)).OrderBy(e => e.Index)];
    }
}

/// <summary>A numbered section with the regulation text it answers.</summary>
internal sealed record ReportSection(string Number, string Title, string Reference, IReadOnlyList<ReportBlock> Blocks);

/// <summary>Content of a section.</summary>
internal abstract record ReportBlock
{
    public abstract IEnumerable<Claim> Claims { get; }
}

/// <summary>A heading inside a section; it claims nothing.</summary>
internal sealed record Subheading(string Text) : ReportBlock
{
    public override IEnumerable<Claim> Claims => [];
}

/// <summary>A paragraph: one claim.</summary>
internal sealed record Paragraph(Claim Claim) : ReportBlock
{
    public override IEnumerable<Claim> Claims => [Claim];
}

/// <summary>A bulleted list of claims.</summary>
internal sealed record Bullets(IReadOnlyList<Claim> Items) : ReportBlock
{
    public override IEnumerable<Claim> Claims => Items;
}

/// <summary>A two-column table of facts; each value is a claim.</summary>
internal sealed record Facts(IReadOnlyList<(string Name, Claim Value)> Rows) : ReportBlock
{
    public override IEnumerable<Claim> Claims => Rows.Select(r => r.Value);
}

/// <summary>A statement and the ledger entries (by index) that record it; none for what Steward derives or lacks.</summary>
internal sealed record Claim(string Text, IReadOnlyList<long> Cites)
{
    public static Claim Of(string text, params IEnumerable<long> cites) => new(text, [.. cites.Distinct().Order()]);
}
