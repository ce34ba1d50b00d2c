using PdfSharp.Fonts;

namespace Steward.Server.Reports;

/// <summary>
/// Fonts for PDF reports. PDFsharp finds no fonts by itself on Linux, so Steward uses TrueType files of the
/// machine: DejaVu (Debian's fonts-dejavu-core) or Liberation (fonts-liberation), or those in the directory named
/// by <c>STEWARD_REPORT_FONTS</c> (files <c>sans.ttf</c>, <c>sans-bold.ttf</c>, <c>mono.ttf</c>). They are embedded in each PDF.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Sans = "Steward Sans";
    public const string Mono = "Steward Mono";

    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly Dictionary<string, string> _files;

    private ReportFonts(Dictionary<string, string> files) => _files = files;

    /// <summary>Installs the resolver once per process; the reason when no usable font exists.</summary>
    public static string? EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return null;
            var files = Find();
            var missing = new[] { "sans", "sans-bold", "mono" }.Where(f => !files.ContainsKey(f)).ToList();
            if (missing.Count > 0)
                return "no TrueType font for PDF reports was found (install the Debian package fonts-dejavu-core, or set STEWARD_REPORT_FONTS to a directory with sans.ttf, sans-bold.ttf and mono.ttf)";
            GlobalFontSettings.FontResolver = new ReportFonts(files);
            _installed = true;
            return null;
        }
    }

    private static Dictionary<string, string> Find()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var configured = Environment.GetEnvironmentVariable("STEWARD_REPORT_FONTS");
        var candidates = new (string Face, string[] Paths)[]
        {
            ("sans", [Path.Combine(configured ?? "", "sans.ttf"), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"]),
            ("sans-bold", [Path.Combine(configured ?? "", "sans-bold.ttf"), "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"]),
            ("mono", [Path.Combine(configured ?? "", "mono.ttf"), "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"]),
        };
        foreach (var (face, paths) in candidates)
        {
            var path = paths.FirstOrDefault(p => (configured is not null || !p.StartsWith("sans", StringComparison.Ordinal)) && File.Exists(p));
            if (path is not null) found[face] = path;
        }
        return found;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Sans => new FontResolverInfo(bold ? "sans-bold" : "sans"),
        Mono => new FontResolverInfo("mono"),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => _files.TryGetValue(faceName, out var path) ? File.ReadAllBytes(path) : null;
}
