using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Probes;
using Steward.Probes.Classifier;
using Steward.Probes.Llm;

namespace Steward.Cli.Commands.RedTeam;

/// <summary>
/// <c>steward redteam probe</c>: probes a model endpoint (classifier perturbations or the LLM corpus) under a rate
/// limit and a time budget, prints a summary, and records what got through as findings through the API.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Option<Uri>("--endpoint")
        {
            Description = "The model endpoint (POST, JSON)",
            Required = true,
            HelpName = "URL",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
                r.AddError($"--endpoint must be an absolute http:// or https:// URL (got '{text}')");
                return null;
            },
        };
        var kind = new Option<string>("--kind") { Description = "classifier or llm", Required = true };
        kind.AcceptOnlyFromAmong("classifier", "llm");
        var system = new Option<string>("--system") { Description = "The system the endpoint belongs to", Required = true, HelpName = "ID" };
        var exercise = new Option<string?>("--exercise") { Description = "Record the findings under this exercise", HelpName = "ID" };
        var rate = new Option<double>("--rate") { Description = "Most requests per second", DefaultValueFactory = _ => ProbeOptions.DefaultRate, CustomParser = RedTeamArguments.Rate, HelpName = "N" };
        var budget = new Option<TimeSpan?>("--budget") { Description = "Time budget of the run (default 60s)", CustomParser = RedTeamArguments.Duration, HelpName = "DURATION" };
        var timeout = new Option<TimeSpan?>("--timeout") { Description = "Time one request may take (default 10s)", CustomParser = RedTeamArguments.Duration, HelpName = "DURATION" };
        var input = new Option<FileInfo?>("--input") { Description = "classifier: JSON file with an array of example requests (the seeds)", HelpName = "FILE" };
        var template = new Option<string?>("--request-template")
        {
            Description = "Request body with the placeholder {{input}}, as JSON or @FILE (llm default: OpenAI-style chat messages)",
            HelpName = "JSON|@FILE",
        };
        var outputPath = new Option<string?>("--output-path")
        {
            Description = $"JSON path of the prediction or answer (classifier default {ClassifierProbe.DefaultOutputPath}, llm default {LlmProber.DefaultOutputPath})",
            HelpName = "PATH",
        };
        var canary = new Option<string?>("--canary") { Description = "llm: a unique string planted in the deployment's system prompt; seeing it in an answer is a leak", HelpName = "TEXT" };
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "llm: a directory of extra probe files (*.yaml) run after the shipped corpus", HelpName = "DIR" };
        var headers = new Option<string[]>("--header") { Description = "Header sent to the endpoint, NAME=VALUE (repeatable; values are never printed)", HelpName = "NAME=VALUE" };
        headers.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (t.Value.IndexOf('=', StringComparison.Ordinal) < 1) r.AddError($"--header must be NAME=VALUE (got '{t.Value.Split('=')[0]}=...')");
        });
        var seed = new Option<int>("--seed") { Description = "classifier: random seed of the perturbations (default 1)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the full report (redacted) as JSON here; its SHA-256 becomes the findings' evidence", HelpName = "FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Probe and print, but record nothing (no server needed)" };
        var json = CommonOptions.Json();
        var command = new Command("probe", "Probe a model endpoint and record what got through as findings")
        {
            endpoint, kind, system, exercise, rate, budget, timeout, input, template, outputPath, canary, corpus, headers, seed, report, dryRun, json,
        };
        command.Validators.Add(r =>
        {
            var k = r.GetValue(kind);
            if (k == "classifier" && r.GetValue(input) is null) r.AddError("--kind classifier needs --input FILE with example requests");
            if (k == "llm" && r.GetValue(input) is not null) r.AddError("--input is for --kind classifier; add LLM probes with --corpus DIR");
            if (k == "classifier" && (r.GetValue(canary) is not null || r.GetValue(corpus) is not null)) r.AddError("--canary and --corpus are for --kind llm");
        });
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ProbeOptions
            {
                Endpoint = parseResult.GetRequiredValue(endpoint),
                RatePerSecond = parseResult.GetValue(rate),
                Budget = parseResult.GetValue(budget) ?? TimeSpan.FromSeconds(60),
                RequestTimeout = parseResult.GetValue(timeout) ?? TimeSpan.FromSeconds(10),
                RequestTemplate = ReadTemplate(parseResult.GetValue(template)),
                OutputPath = parseResult.GetValue(outputPath),
                Headers = Headers(parseResult.GetValue(headers)),
            };
            var dry = parseResult.GetValue(dryRun);
            var systemId = parseResult.GetRequiredValue(system);
            var exerciseId = parseResult.GetValue(exercise);
            using var client = dry ? null : connection.CreateClient(parseResult);
            if (client is not null)
            {
                // Fail before probing when the findings could not be recorded.
                await client.Systems.GetAsync(systemId, cancellationToken);
                if (exerciseId is not null) await client.RedTeam.GetExerciseAsync(exerciseId, cancellationToken);
            }

            using var http = context.HttpHandler is null ? new HttpClient() : new HttpClient(context.HttpHandler, disposeHandler: false);
            http.Timeout = Timeout.InfiniteTimeSpan; // the session applies --timeout and --budget
            var progress = parseResult.GetValue(json) ? null : ProbeProgressLine.ForConsole(context.Error);
            (ProbeSummary, IReadOnlyList<ProposedFinding>, JsonObject, Action<TextWriter>) result;
            try
            {
                result = parseResult.GetRequiredValue(kind) == "classifier"
                    ? await RunClassifierAsync(http, context, options, parseResult.GetValue(input)!, parseResult.GetValue(seed), progress, cancellationToken)
                    : await RunLlmAsync(http, context, options, parseResult.GetValue(corpus), parseResult.GetValue(canary), progress, cancellationToken);
            }
            finally
            {
                progress?.Clear();
            }

            var (summary, findings, document, print) = result;
            if (!parseResult.GetValue(json)) print(context.Out);
            if (summary.Requests - summary.Errors == 0)
                throw new CliException(summary.Requests == 0
                    ? "the endpoint answered no request within the time budget"
                    : $"every request to the endpoint failed ({summary.Errors}): {summary.ErrorSamples.FirstOrDefault()}");

            var evidence = new List<Evidence>();
            if (parseResult.GetValue(report) is { } reportFile)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions(StewardJson.Options) { WriteIndented = true });
                await File.WriteAllBytesAsync(reportFile.FullName, bytes, cancellationToken);
                evidence.Add(new Evidence(null, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }

            var recorded = new List<Finding>();
            foreach (var f in findings)
            {
                if (client is null)
                {
                    if (!parseResult.GetValue(json)) context.Out.WriteLine($"finding (dry run, not recorded): {f.Severity}  {f.Title}");
                    continue;
                }
                var finding = await client.RedTeam.RecordFindingAsync(new RecordFindingRequest
                {
                    SystemId = systemId, ExerciseId = exerciseId, Title = f.Title, Description = f.Description, Severity = f.Severity,
                    Atlas = f.Atlas, OwaspLlm = f.OwaspLlm, Evidence = evidence.Count > 0 ? evidence : null, Source = f.Source,
                }, cancellationToken);
                recorded.Add(finding);
                if (!parseResult.GetValue(json)) context.Out.WriteLine($"finding recorded: {finding.Id}  {finding.Severity}  {finding.Title}");
            }
            if (parseResult.GetValue(json))
            {
                document["recorded"] = StewardJson.ToJsonNode(recorded);
                Output.Json(context.Out, document);
            }
            else if (findings.Count == 0)
            {
                context.Out.WriteLine("no finding: nothing got through");
            }
            return 0;
        });
        return command;
    }

    private static async Task<(ProbeSummary, IReadOnlyList<ProposedFinding>, JsonObject, Action<TextWriter>)> RunClassifierAsync(
        HttpClient http, CliContext context, ProbeOptions options, FileInfo input, int seed, ProbeProgressLine? progress, CancellationToken cancellationToken)
    {
        var seeds = ReadSeeds(input);
        var report = await new ClassifierProbe(http, context.Time).RunAsync(options, seeds, seed, progress, cancellationToken);
        return (report.Summary, report.Finding is null ? [] : [report.Finding], StewardJson.ToJsonNode(report)!.AsObject(), o => ProbeOutput.Classifier(o, report));
    }

    private static async Task<(ProbeSummary, IReadOnlyList<ProposedFinding>, JsonObject, Action<TextWriter>)> RunLlmAsync(
        HttpClient http, CliContext context, ProbeOptions options, DirectoryInfo? corpusDirectory, string? canary, ProbeProgressLine? progress,
        CancellationToken cancellationToken)
    {
        ProbeCorpus corpus;
        try
        {
            corpus = corpusDirectory is null ? CorpusLoader.Shipped() : CorpusLoader.ShippedPlus(corpusDirectory.FullName);
        }
        catch (CorpusException ex)
        {
            throw new CliException($"probe corpus: {ex.Message}", ex);
        }
        var report = await new LlmProber(http, context.Time).RunAsync(options, corpus, canary, progress, cancellationToken);
        return (report.Summary, report.Findings, StewardJson.ToJsonNode(report)!.AsObject(), o => ProbeOutput.Llm(o, report));
    }

    private static List<JsonNode> ReadSeeds(FileInfo file)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"--input {file.Name}: {ex.Message}", ex);
        }
        if (node is not JsonArray { Count: > 0 } array || array.Any(s => s is null))
            throw new CliException($"--input {file.Name} must hold a non-empty JSON array of example requests");
        return array.Select(s => s!.DeepClone()).ToList();
    }

    private static string? ReadTemplate(string? value)
    {
        if (value is null) return null;
        var text = value;
        if (value.StartsWith('@'))
        {
            try
            {
                text = File.ReadAllText(value[1..]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--request-template {value}: {ex.Message}", ex);
            }
        }
        try
        {
            Steward.Probes.Http.RequestTemplate.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--request-template: {ex.Message}", ex);
        }
        return text;
    }

    private static Dictionary<string, string> Headers(string[]? values)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values ?? [])
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            headers[value[..at]] = value[(at + 1)..];
        }
        return headers;
    }
}
