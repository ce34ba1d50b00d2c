using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Steward.Server.Reports;

/// <summary>A report as PDF (A4, fonts embedded), drawn with PDFsharp: the same content as the HTML, citations as <c>[#n]</c>.</summary>
internal sealed class ReportPdf
{
    private const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - 60;
    private readonly PdfDocument _pdf = new();
    private readonly string _title;
    private readonly XFont _body = new(ReportFonts.Sans, 9.5), _bold = new(ReportFonts.Sans, 9.5, XFontStyleEx.Bold),
        _h1 = new(ReportFonts.Sans, 17, XFontStyleEx.Bold), _h2 = new(ReportFonts.Sans, 12.5, XFontStyleEx.Bold),
        _h3 = new(ReportFonts.Sans, 10.5, XFontStyleEx.Bold), _small = new(ReportFonts.Sans, 8), _mono = new(ReportFonts.Mono, 6.8);
    private XGraphics _g = null!;
    private double _y;

    private ReportPdf(string title) => _title = title;

    /// <summary>Renders the document; throws <see cref="InvalidOperationException"/> when no font is available.</summary>
    public static byte[] Render(ReportDocument doc)
    {
        if (ReportFonts.EnsureInstalled() is { } problem) throw new InvalidOperationException(problem);
        var pdf = new ReportPdf(doc.Title);
        pdf.Draw(doc);
        using var stream = new MemoryStream();
        pdf._pdf.Info.Title = doc.Title;
        pdf._pdf.Info.Creator = "Steward";
        pdf._pdf.Save(stream, false);
        return stream.ToArray();
    }

    private void Draw(ReportDocument doc)
    {
        NewPage();
        Text(doc.Title, _h1, 0, 4);
        Text(doc.Subtitle, _small, 0, 8);
        foreach (var (name, value) in doc.Header) Row(name, value);
        foreach (var section in doc.Sections)
        {
            Space(10);
            Keep(40);
            Text($"{section.Number}. {section.Title}", _h2, 0, 2);
            if (section.Reference.Length > 0) Text(section.Reference, _small, 0, 4);
            foreach (var block in section.Blocks) Block(block);
        }
        var cited = doc.Cited();
        Space(12);
        Keep(60);
        Text("Evidence: the cited ledger entries", _h2, 0, 2);
        Text("Each entry's bytes hash to its RFC 6962 leaf hash; the inclusion proof leads from it to the root of the signed checkpoint at the end. " +
             $"Verifier key: {doc.Evidence.Checkpoint.VerifierKey}", _small, 0, 6);
        foreach (var e in cited)
        {
            Keep(36);
            Text($"#{e.Index}  {e.Type}  {EntryText.Date(e.Time)}  {e.Actor}", _bold, 0, 1);
            Text(e.Proof.Message, _small, 10, 1);
            Text("leaf " + Convert.ToHexStringLower(e.Proof.LeafHash), _mono, 10, 1);
            if (e.Proof.Hashes.Count > 0)
                Text($"proof (tree size {e.Proof.TreeSize?.ToString(CultureInfo.InvariantCulture)}): " + string.Join(" ", e.Proof.Hashes.Select(Convert.ToHexStringLower)), _mono, 10, 4);
        }
        Space(8);
        Keep(60);
        Text("Signed checkpoint", _h3, 0, 2);
        foreach (var line in doc.Evidence.Checkpoint.Stored.Note.Split('\n')) Text(line.Length == 0 ? " " : line, _mono, 0, 0);
        Footers();
    }

    private void Block(ReportBlock block)
    {
        switch (block)
        {
            case Subheading h:
                Space(4);
                Keep(30);
                Text(h.Text, _h3, 0, 2);
                break;
            case Paragraph p:
                Text(Cited(p.Claim), _body, 0, 4);
                break;
            case Bullets b:
                foreach (var item in b.Items)
                {
                    Keep(14);
                    _g.DrawString("•", _body, XBrushes.Black, Margin + 4, _y + _body.Height * 0.8);
                    Text(Cited(item), _body, 14, 2);
                }
                Space(3);
                break;
            case Facts f:
                foreach (var (name, value) in f.Rows) Row(name, Cited(value));
                Space(3);
                break;
        }
    }

    private static string Cited(Claim c) => c.Cites.Count == 0 ? c.Text : $"{c.Text} [{string.Join(", ", c.Cites.Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)))}]";

    private void Row(string name, string value)
    {
        var lines = Wrap(value, _body, Width - 150);
        Keep(lines.Count * _body.Height + 2);
        _g.DrawString(name, _bold, XBrushes.Black, Margin, _y + _body.Height * 0.8);
        foreach (var line in lines)
        {
            _g.DrawString(line, _body, XBrushes.Black, Margin + 150, _y + _body.Height * 0.8);
            _y += _body.Height;
        }
        _y += 2;
    }

    private void Text(string text, XFont font, double indent, double after)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Keep(font.Height);
            _g.DrawString(line, font, XBrushes.Black, Margin + indent, _y + font.Height * 0.8);
            _y += font.Height;
        }
        _y += after;
    }

    /// <summary>Greedy word wrap; a word wider than the line (a hash) is cut by characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_g.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (_g.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _g.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private void Space(double points) => _y += points;

    private void Keep(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        _g?.Dispose();
        var page = _pdf.AddPage();
        page.Width = XUnit.FromPoint(595);
        page.Height = XUnit.FromPoint(842);
        _g = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void Footers()
    {
        _g.Dispose();
        var total = _pdf.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var g = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString($"{_title} · page {i + 1} of {total} · Steward", _small, XBrushes.Gray, Margin, 842 - 30);
        }
    }
}
