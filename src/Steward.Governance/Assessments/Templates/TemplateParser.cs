using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Steward.Governance.Assessments.Templates;

/// <summary>
/// Reads a template from YAML and validates it completely: structure, ids, answer types, framework references,
/// conditions (only earlier questions, operands of the question's type) and scoring. Any error is a
/// <see cref="TemplateFormatException"/> with the file, line and column.
/// </summary>
public static partial class TemplateParser
{
    /// <summary>Largest template text accepted.</summary>
    public const int MaxLength = 512 * 1024;

    private static readonly string[] TopFields = ["id", "version", "title", "description", "sections", "scoring"];
    private static readonly string[] SectionFields = ["id", "title", "description", "questions"];
    private static readonly string[] QuestionFields = ["id", "text", "help", "type", "options", "min", "max", "unit", "required", "show_if", "maps"];

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="source"/> names it in errors (a file path or <c>request body</c>).</summary>
    public static AssessmentTemplate Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxLength) throw new TemplateFormatException(source, 1, 1, $"the template is larger than {MaxLength} characters");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new TemplateFormatException(source, ex.Start.Line, ex.Start.Column, $"not valid YAML: {reason}");
        }
        catch (InvalidOperationException ex)
        {
            // The scanner reports a few malformed inputs without a position.
            throw new TemplateFormatException(source, 1, 1, $"not valid YAML: {ex.Message}");
        }
        if (stream.Documents.Count != 1) throw new TemplateFormatException(source, 1, 1, "a template file holds exactly one YAML document");
        var reader = new YamlReader(source);
        var root = stream.Documents[0].RootNode;
        var map = reader.Mapping(root, "template", TopFields);

        var idNode = reader.Required(map, root, "template", "id");
        var id = reader.Scalar(idNode, "id");
        if (!TemplateIdPattern().IsMatch(id)) throw reader.Error(idNode, $"id '{id}' must match ^[a-z][a-z0-9-]{{1,63}}$");
        var version = reader.Int(reader.Required(map, root, "template", "version"), "version", 1, 1_000_000);
        var title = reader.Text(reader.Required(map, root, "template", "title"), "title", 200);
        var description = reader.OptionalText(map, "description", "description");

        var questions = new Dictionary<string, TemplateQuestion>(StringComparer.Ordinal);
        var sections = new List<TemplateSection>();
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in reader.Sequence(reader.Required(map, root, "template", "sections"), "sections"))
            sections.Add(Section(reader, node, sectionIds, questions));

        var scoring = ScoringParser.Parse(reader, reader.Required(map, root, "template", "scoring"), questions);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        return new AssessmentTemplate(id, version, title, description, sections, scoring, yaml, sha);
    }

    private static TemplateSection Section(YamlReader reader, YamlNode node, HashSet<string> sectionIds, Dictionary<string, TemplateQuestion> questions)
    {
        var map = reader.Mapping(node, "section", SectionFields);
        var idNode = reader.Required(map, node, "section", "id");
        var id = reader.Scalar(idNode, "section id");
        if (!QuestionIdPattern().IsMatch(id)) throw reader.Error(idNode, $"section id '{id}' must match ^[a-z][a-z0-9_]{{0,63}}$");
        if (!sectionIds.Add(id)) throw reader.Error(idNode, $"section id '{id}' is used twice");
        var what = $"section '{id}'";
        var title = reader.Text(reader.Required(map, node, what, "title"), $"{what} title", 200);
        var description = reader.OptionalText(map, "description", $"{what} description");
        var list = new List<TemplateQuestion>();
        foreach (var q in reader.Sequence(reader.Required(map, node, what, "questions"), $"{what} questions"))
        {
            var question = Question(reader, q, questions);
            questions[question.Id] = question;
            list.Add(question);
        }
        return new TemplateSection(id, title, description, list);
    }

    private static TemplateQuestion Question(YamlReader reader, YamlNode node, Dictionary<string, TemplateQuestion> earlier)
    {
        var map = reader.Mapping(node, "question", QuestionFields);
        var idNode = reader.Required(map, node, "question", "id");
        var id = reader.Scalar(idNode, "question id");
        if (!QuestionIdPattern().IsMatch(id)) throw reader.Error(idNode, $"question id '{id}' must match ^[a-z][a-z0-9_]{{0,63}}$");
        if (earlier.ContainsKey(id)) throw reader.Error(idNode, $"question id '{id}' is used twice");
        var what = $"question '{id}'";
        var text = reader.Text(reader.Required(map, node, what, "text"), $"{what} text", 1000);
        var help = reader.OptionalText(map, "help", $"{what} help");
        var typeNode = reader.Required(map, node, what, "type");
        var type = reader.Scalar(typeNode, $"{what} type");
        if (!QuestionTypes.All.Contains(type)) throw reader.Error(typeNode, $"{what}: type '{type}' is not one of {string.Join(", ", QuestionTypes.All)}");

        var options = new List<QuestionOption>();
        if (reader.Optional(map, "options") is { } optionsNode)
        {
            if (type != QuestionTypes.Choice) throw reader.Error(optionsNode, $"{what}: options are only for choice questions");
            foreach (var o in reader.Sequence(optionsNode, $"{what} options"))
            {
                var option = Option(reader, o, what);
                if (options.Any(x => x.Value == option.Value)) throw reader.Error(o, $"{what}: option '{option.Value}' is listed twice");
                options.Add(option);
            }
        }
        if (type == QuestionTypes.Choice && options.Count < 2) throw reader.Error(typeNode, $"{what}: a choice question needs at least two options");

        double? min = null, max = null;
        foreach (var (key, set) in new (string, Action<double>)[] { ("min", v => min = v), ("max", v => max = v) })
        {
            if (reader.Optional(map, key) is not { } n) continue;
            if (type != QuestionTypes.Number) throw reader.Error(n, $"{what}: {key} is only for number questions");
            set(reader.Number(n, $"{what} {key}"));
        }
        if (min > max) throw reader.Error(node, $"{what}: min ({min}) is greater than max ({max})");
        var unit = reader.OptionalText(map, "unit", $"{what} unit", 40);
        if (unit is not null && type != QuestionTypes.Number) throw reader.Error(map["unit"].Key, $"{what}: unit is only for number questions");
        var required = reader.Optional(map, "required") is { } r ? reader.Bool(r, $"{what} required") : true;
        var showIf = reader.Optional(map, "show_if") is { } s ? ConditionParser.Parse(reader, s, $"{what} show_if", earlier, allowTier: false) : null;
        var mapsNode = reader.Required(map, node, what, "maps");
        var maps = Mappings(reader, mapsNode, what);
        if (maps.EuAiAct.Count + maps.Nist.Count + maps.Iso42001.Count == 0)
            throw reader.Error(mapsNode, $"{what}: maps must name at least one EU AI Act, NIST AI RMF or ISO/IEC 42001 reference");
        return new TemplateQuestion(id, text, help, type, options, min, max, unit, required, showIf, maps);
    }

    private static QuestionOption Option(YamlReader reader, YamlNode node, string what)
    {
        var map = reader.Mapping(node, $"{what} option", "value", "label");
        var valueNode = reader.Required(map, node, $"{what} option", "value");
        var value = reader.Scalar(valueNode, $"{what} option value");
        if (!QuestionIdPattern().IsMatch(value)) throw reader.Error(valueNode, $"{what}: option value '{value}' must match ^[a-z][a-z0-9_]{{0,63}}$");
        var label = reader.Text(reader.Required(map, node, $"{what} option", "label"), $"{what} option label", 200);
        return new QuestionOption(value, label);
    }

    /// <summary>Reads <c>maps: {eu_ai_act: [...], nist: [...], iso42001: [...]}</c>, checking every id.</summary>
    internal static FrameworkMappings Mappings(YamlReader reader, YamlNode node, string what)
    {
        var map = reader.Mapping(node, $"{what} maps", "eu_ai_act", "nist", "iso42001");
        List<string> Read(string key, Func<string, string?> check)
        {
            var list = new List<string>();
            if (reader.Optional(map, key) is not { } listNode) return list;
            foreach (var item in reader.Sequence(listNode, $"{what} maps.{key}", allowEmpty: true))
            {
                var id = reader.Scalar(item, $"{what} maps.{key} item");
                if (check(id) is { } error) throw reader.Error(item, $"{what} maps.{key}: {error}");
                list.Add(id);
            }
            return list;
        }
        return new FrameworkMappings(Read("eu_ai_act", FrameworkIds.CheckEuAiAct), Read("nist", FrameworkIds.CheckNist), Read("iso42001", FrameworkIds.CheckIso42001));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex TemplateIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    internal static partial Regex QuestionIdPattern();
}
