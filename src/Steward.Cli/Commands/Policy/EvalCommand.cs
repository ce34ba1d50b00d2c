using System.CommandLine;
using System.Text;
using System.Text.Json;
using Steward.Cli.Infrastructure;
using Steward.Policy;
using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy eval -d PATH [-i input.json] QUERY</c>, like <c>opa eval</c>: prints the result set as JSON
/// (<c>{"result":[{"expressions":[{"value":...,"text":...,"location":{"row":1,"col":1}}],"bindings":{...}}]}</c>, and
/// <c>{}</c> when the query is undefined), or with <c>--format raw</c> each expression value on its own line.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("QUERY") { Description = "The Rego query, e.g. data.ai_policy.allow" };
        var data = new Option<string[]>("--data", "-d") { Description = ".rego, .json or .yaml files or directories (repeatable)", HelpName = "PATH", AllowMultipleArgumentsPerToken = false };
        var input = new Option<string?>("--input", "-i") { Description = "JSON or YAML file holding the input document", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "json (default) or raw", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "raw");
        var timeout = new Option<int?>("--timeout-ms") { Description = "Stop evaluation after this many milliseconds", HelpName = "MS", Validators = { r => Validate.Range(r, 1, 3_600_000) } };
        var ignore = PolicyFiles.IgnoreOption();
        var command = new Command("eval", "Evaluate a Rego query against policy and data files, like opa eval") { query, data, input, format, timeout, ignore };
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetRequiredValue(query);
            if (string.IsNullOrWhiteSpace(text)) throw new CliException("the query is empty");
            var (modules, documents) = PolicyFiles.Load(parseResult.GetValue(data) ?? [], parseResult.GetValue(ignore));
            var inputFile = parseResult.GetValue(input);
            Value? inputValue = null;
            if (inputFile is not null)
            {
                if (!File.Exists(inputFile)) throw new CliException($"{inputFile} does not exist");
                inputValue = PolicyFiles.ReadData(inputFile);
            }
            IReadOnlyList<QueryResult> results;
            try
            {
                var policy = PolicyFiles.Compile(modules);
                var ms = parseResult.GetValue(timeout);
                results = policy.Prepare(text).Evaluate(new EvalOptions
                {
                    Input = inputValue,
                    Data = documents,
                    Timeout = ms is null ? null : TimeSpan.FromMilliseconds(ms.Value),
                    Time = context.Time,
                    Print = line => context.Error.WriteLine(line),
                });
            }
            catch (RegoCompileException e)
            {
                throw RegoErrors.ToCli(e);
            }
            catch (RegoEvalException e)
            {
                throw RegoErrors.ToCli(e);
            }

            if (parseResult.GetValue(format) == "raw")
                WriteRaw(context.Out, results);
            else
                WriteJson(context.Out, text, results);
            return 0;
        });
        return command;
    }

    private static void WriteRaw(TextWriter output, IReadOnlyList<QueryResult> results)
    {
        foreach (var value in results.SelectMany(r => r.Expressions))
            output.WriteLine(value is StringValue s ? s.Value : ValueJson.Serialize(value));
    }

    private static void WriteJson(TextWriter output, string query, IReadOnlyList<QueryResult> results)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            if (results.Count > 0)
            {
                var expressions = Expressions(query);
                w.WriteStartArray("result");
                foreach (var result in results)
                {
                    w.WriteStartObject();
                    w.WriteStartArray("expressions");
                    for (var i = 0; i < result.Expressions.Count; i++)
                    {
                        var (exprText, row, col) = i < expressions.Count ? expressions[i] : (query, 1, 1);
                        w.WriteStartObject();
                        w.WritePropertyName("value");
                        ValueJson.Write(w, result.Expressions[i]);
                        w.WriteString("text", exprText);
                        w.WriteStartObject("location");
                        w.WriteNumber("row", row);
                        w.WriteNumber("col", col);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    if (result.Bindings.Count > 0)
                    {
                        w.WriteStartObject("bindings");
                        foreach (var (name, value) in result.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal))
                        {
                            w.WritePropertyName(name);
                            ValueJson.Write(w, value);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Each literal of the query: its text (up to the next literal) and where it starts.</summary>
    internal static List<(string Text, int Row, int Col)> Expressions(string query)
    {
        var literals = RegoParser.ParseQuery(query);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < query.Length; i++)
            if (query[i] == '\n') lineStarts.Add(i + 1);
        int Offset(SourceLocation l) => Math.Min(query.Length, lineStarts[Math.Clamp(l.Line - 1, 0, lineStarts.Count - 1)] + l.Column - 1);
        var list = new List<(string, int, int)>();
        for (var i = 0; i < literals.Count; i++)
        {
            var start = Offset(literals[i].Location);
            var end = i + 1 < literals.Count ? Offset(literals[i + 1].Location) : query.Length;
            list.Add((query[start..end].Trim().TrimEnd(';').TrimEnd(), literals[i].Location.Line, literals[i].Location.Column));
        }
        return list;
    }
}
