using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Steward.Probes.Llm;

/// <summary>
/// Loads probe files (YAML). The shipped corpus is embedded in this assembly; operators add files of their own.
/// A malformed file is refused with its name and line, and probe ids must be unique across all files.
/// </summary>
public static class CorpusLoader
{
    /// <summary>Detectors a probe may name.</summary>
    public static readonly string[] Detectors = ["canary", "system_prompt", "pii"];

    /// <summary>The placeholder replaced by the run's canary.</summary>
    public const string CanaryPlaceholder = "{{canary}}";

    private static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The corpus shipped with Steward.</summary>
    public static ProbeCorpus Shipped()
    {
        var assembly = typeof(CorpusLoader).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Steward.Probes.Corpus.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return Load(files.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return (name["Steward.Probes.Corpus.".Length..], reader.ReadToEnd());
        }).ToList());
    }

    /// <summary>The shipped corpus plus every <c>*.yaml</c> file in <paramref name="directory"/>.</summary>
    public static ProbeCorpus ShippedPlus(string directory)
    {
        if (!Directory.Exists(directory)) throw new CorpusException($"corpus directory {directory} does not exist");
        var extra = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        if (extra.Count == 0) throw new CorpusException($"corpus directory {directory} holds no *.yaml file");
        var categories = Shipped().Categories.Concat(Load(extra).Categories).ToList();
        EnsureUniqueIds(categories);
        return new ProbeCorpus(categories);
    }

    /// <summary>Parses probe files given as (name, text).</summary>
    public static ProbeCorpus Load(IReadOnlyList<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var categories = files.Select(f => Parse(f.Name, f.Text)).ToList();
        EnsureUniqueIds(categories);
        return new ProbeCorpus(categories);
    }

    private static ProbeCategory Parse(string file, string text)
    {
        CategoryFile? doc;
        try
        {
            doc = Yaml.Deserialize<CategoryFile>(text);
        }
        catch (YamlException ex)
        {
            throw new CorpusException($"{file} line {ex.Start.Line}: {Innermost(ex)}", ex);
        }
        if (doc is null) throw new CorpusException($"{file}: the file is empty");
        string Need(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new CorpusException($"{file}: '{field}' is required") : value.Trim();
        var name = Need(doc.Category, "category");
        var severity = Need(doc.Severity, "severity");
        if (!Severities.Contains(severity)) throw new CorpusException($"{file}: severity must be one of {string.Join(", ", Severities)}");
        var markers = new List<Regex>();
        foreach (var marker in doc.Markers ?? [])
        {
            try
            {
                markers.Add(new Regex(marker, RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)));
            }
            catch (ArgumentException ex)
            {
                throw new CorpusException($"{file}: marker '{marker}' is not a valid regex: {ex.Message}", ex);
            }
        }
        if (doc.Probes is not { Count: > 0 }) throw new CorpusException($"{file}: 'probes' must list at least one probe");
        var probes = new List<LlmProbe>();
        foreach (var p in doc.Probes)
        {
            var id = Need(p.Id, "probes[].id");
            var prompt = Need(p.Prompt, $"probes[{id}].prompt");
            var detect = Need(p.Detect, $"probes[{id}].detect");
            if (!Detectors.Contains(detect)) throw new CorpusException($"{file}: probe {id}: detect must be one of {string.Join(", ", Detectors)}");
            if (detect == "canary" && !prompt.Contains(CanaryPlaceholder, StringComparison.Ordinal))
                throw new CorpusException($"{file}: probe {id}: a canary probe's prompt must contain {CanaryPlaceholder}");
            if (detect == "system_prompt" && markers.Count == 0)
                throw new CorpusException($"{file}: probe {id}: the system_prompt detector needs 'markers' in the file");
            probes.Add(new LlmProbe(id, name, prompt, detect));
        }
        return new ProbeCategory(name, Need(doc.Title, "title"), doc.OwaspLlm ?? [], doc.Atlas ?? [], severity, markers, probes, file);
    }

    private static void EnsureUniqueIds(IReadOnlyList<ProbeCategory> categories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var probe in categories.SelectMany(c => c.Probes))
            if (!seen.Add(probe.Id)) throw new CorpusException($"probe id {probe.Id} is used twice");
    }

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex.Message;
    }

    /// <summary>The YAML shape of a category file.</summary>
    private sealed class CategoryFile
    {
        public string? Category { get; set; }
        public string? Title { get; set; }
        public List<string>? OwaspLlm { get; set; }
        public List<string>? Atlas { get; set; }
        public string? Severity { get; set; }
        public List<string>? Markers { get; set; }
        public List<ProbeEntry>? Probes { get; set; }
    }

    private sealed class ProbeEntry
    {
        public string? Id { get; set; }
        public string? Prompt { get; set; }
        public string? Detect { get; set; }
    }
}

/// <summary>A probe file is malformed; the message names the file (and line when known).</summary>
public sealed class CorpusException : Exception
{
    /// <summary>Creates the error.</summary>
    public CorpusException(string message) : base(message) { }

    /// <summary>Creates the error with its cause.</summary>
    public CorpusException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the error.</summary>
    public CorpusException() { }
}
