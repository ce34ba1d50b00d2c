using System.ComponentModel.DataAnnotations;

namespace Steward.Server.Pii;

/// <summary>
/// Limits of the PII endpoints and recognizers added by configuration (section <c>Pii</c>, next to the engine's
/// <see cref="Steward.Pii.PiiEngineOptions"/>).
/// </summary>
public sealed class PiiServerOptions
{
    /// <summary>Largest request body of a PII endpoint in bytes (default 1 MiB, also capped by <c>Server:MaxRequestBodyBytes</c>); larger is a 413.</summary>
    [Range(1024, 256 << 20)]
    public int MaxRequestBytes { get; set; } = 1 << 20;

    /// <summary>Most texts in one batch (<c>/analyze</c> with a list, <c>/api/v1/pii/analyze</c>); default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchTexts { get; set; } = 10_000;

    /// <summary>Most ad-hoc recognizers in one request (default 50).</summary>
    [Range(0, 1000)]
    public int MaxAdHocRecognizers { get; set; } = 50;

    /// <summary>
    /// Pattern recognizers added to the default ones for every request (Presidio's recognizer registry file):
    /// each has a name, an entity type, Python-syntax patterns with scores, and optionally a deny list and context words.
    /// </summary>
    public List<ConfiguredRecognizer> Recognizers { get; set; } = [];
}

/// <summary>A pattern recognizer from configuration (<c>Pii:Recognizers:N</c>).</summary>
public sealed class ConfiguredRecognizer
{
    /// <summary>The recognizer's name (unique).</summary>
    public string Name { get; set; } = "";
    /// <summary>The entity type it reports.</summary>
    public string SupportedEntity { get; set; } = "";
    /// <summary>The language it serves (default <c>en</c>).</summary>
    public string SupportedLanguage { get; set; } = "en";
    /// <summary>The patterns.</summary>
    public List<ConfiguredPattern> Patterns { get; set; } = [];
    /// <summary>Words reported wherever they stand (score 1).</summary>
    public List<string> DenyList { get; set; } = [];
    /// <summary>Context words that raise scores.</summary>
    public List<string> Context { get; set; } = [];
}

/// <summary>A named pattern of a configured recognizer.</summary>
public sealed class ConfiguredPattern
{
    /// <summary>The pattern's name.</summary>
    public string Name { get; set; } = "";
    /// <summary>The regular expression (Python <c>re</c> syntax).</summary>
    public string Regex { get; set; } = "";
    /// <summary>The score of a match.</summary>
    public double Score { get; set; } = 0.5;
}
