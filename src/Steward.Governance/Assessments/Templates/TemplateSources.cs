namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// Finds the templates to load at start: the defaults embedded in this assembly (from the repository's
/// <c>assessments/templates/</c>), then <c>*.yaml</c> and <c>*.yml</c> files of the configured directory.
/// </summary>
public static class TemplateSources
{
    private const string ResourcePrefix = "assessments/templates/";

    /// <summary>Parses every shipped and configured template; the first malformed one throws with its file and line.</summary>
    public static IReadOnlyList<(AssessmentTemplate Template, string Source, string Origin)> Load(string? directory)
    {
        var result = new List<(AssessmentTemplate, string, string)>();
        var assembly = typeof(TemplateSources).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var source = $"{name} (shipped)";
            result.Add((TemplateParser.Parse(reader.ReadToEnd(), source), source, "shipped"));
        }
        if (!string.IsNullOrWhiteSpace(directory))
        {
            if (!Directory.Exists(directory))
                throw new DirectoryNotFoundException($"Assessments:TemplateDirectory {directory} does not exist");
            var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);
            foreach (var file in files)
                result.Add((TemplateParser.Parse(File.ReadAllText(file), file), file, "directory"));
        }
        var seen = new Dictionary<(string, int), string>();
        foreach (var (template, source, _) in result)
        {
            if (seen.TryGetValue((template.Id, template.Version), out var other))
                throw new TemplateFormatException(source, 1, 1, $"template '{template.Id}' version {template.Version} is also defined in {other}");
            seen[(template.Id, template.Version)] = source;
        }
        return result;
    }
}
