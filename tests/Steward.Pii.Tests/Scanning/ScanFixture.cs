using System.Security.Cryptography;
using Steward.Pii.Recognizers;
using Steward.Pii.Scanning;

namespace Steward.Pii.Tests.Scanning;

/// <summary>An engine made of a few ad-hoc regex recognizers (the scanner's tests do not depend on the default ones), and temp files.</summary>
internal sealed class ScanFixture : IDisposable
{
    public static readonly AnalyzerEngine Engine = new(new RecognizerRegistry(
    [
        new RegexRecognizer("test_ssn", PiiEntities.UsSsn, [new PatternDefinition("ssn", @"\b\d{3}-\d{2}-\d{4}\b", 0.85)]),
        new RegexRecognizer("test_email", PiiEntities.EmailAddress, [new PatternDefinition("email", @"\b[\w.]+@[\w.]+\.[a-z]{2,}\b", 0.9)]),
        new RegexRecognizer("test_card", PiiEntities.CreditCard, [new PatternDefinition("card", @"\b4\d{15}\b", 0.6)]),
    ]));

    public ScanFixture() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "steward-scan-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content) => WriteBytes(name, System.Text.Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static Task<ScanReport> ScanAsync(string path, ScanOptions? options = null) =>
        new DatasetScanner(Engine).ScanFileAsync(path, options ?? new ScanOptions(), TestContext.Current.CancellationToken);

    public static ColumnReport Column(ScanReport report, string name) => report.Columns.Single(c => c.Name == name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
