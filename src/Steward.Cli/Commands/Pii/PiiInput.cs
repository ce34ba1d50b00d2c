using System.CommandLine;
using System.Globalization;
using System.Text;
using Steward.Cli.Infrastructure;
using Steward.Client;
using Steward.Pii;

namespace Steward.Cli.Commands.Pii;

/// <summary>
/// What <c>pii analyze</c> and <c>pii anonymize</c> share: the text (<c>--text</c>, <c>--file</c> or <c>-</c> for
/// standard input), the analyzer options, and where to run: in process by default, on a server with <c>--server</c>.
/// </summary>
internal sealed class PiiInput
{
    /// <summary>Largest text read from a file or standard input (64 MiB); use a dataset scan for more.</summary>
    public const int MaxBytes = 64 << 20;

    private readonly CliContext _context;
    private readonly Argument<string?> _stdin = new("INPUT") { Description = "'-' to read the text from standard input", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _text = new("--text") { Description = "The text to analyse", HelpName = "TEXT" };
    private readonly Option<FileInfo?> _file = new("--file") { Description = "Read the text from a UTF-8 file", HelpName = "FILE" };
    private readonly Option<string[]> _entities = new("--entities")
    {
        Description = "Only these entity types (comma- or space-separated)", HelpName = "TYPE", AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<double?> _threshold = new("--threshold") { Description = "Drop results scoring below this (0 to 1)", HelpName = "X" };
    private readonly Option<string> _language = new("--language") { Description = "The text's language", HelpName = "LANG", DefaultValueFactory = _ => "en" };
    private readonly Option<bool> _server = new("--server") { Description = "Run on the server (--url, --api-key) instead of in process" };
    private readonly ConnectionOptions _connection;

    public PiiInput(Command command, CliContext context)
    {
        _context = context;
        _threshold.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && (!double.TryParse(r.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < 0 or > 1))
                r.AddError($"--threshold must be a number from 0 to 1 (got '{r.Tokens[^1].Value}')");
        });
        _stdin.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && r.Tokens[0].Value != "-") r.AddError($"unexpected argument '{r.Tokens[0].Value}': give the text with --text, --file or '-' for standard input");
        });
        command.Arguments.Add(_stdin);
        command.Options.Add(_text);
        command.Options.Add(_file);
        command.Options.Add(_entities);
        command.Options.Add(_threshold);
        command.Options.Add(_language);
        command.Options.Add(_server);
        _connection = new ConnectionOptions(command, context);
    }

    public bool OnServer(ParseResult p) => p.GetValue(_server);

    public StewardClient Client(ParseResult p) => _connection.CreateClient(p);

    /// <summary>The text from exactly one source; invalid UTF-8, binary content and oversize input are refused.</summary>
    public async Task<string> ReadTextAsync(ParseResult p, CancellationToken cancellationToken)
    {
        var text = p.GetValue(_text);
        var file = p.GetValue(_file);
        var stdin = p.GetValue(_stdin) == "-";
        var sources = (text is null ? 0 : 1) + (file is null ? 0 : 1) + (stdin ? 1 : 0);
        if (sources != 1) throw new CliException("give the text with exactly one of --text, --file or '-' (standard input)");
        if (text is not null) return text;
        if (stdin) return await ReadStdinAsync(cancellationToken);
        if (!file!.Exists) throw new CliException($"file not found: {file.FullName}");
        if (file.Length > MaxBytes) throw new CliException($"{file.Name} is larger than {MaxBytes >> 20} MiB; scan datasets with a dataset scan instead");
        return Decode(await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name);
    }

    public AnalyzeOptions LocalOptions(ParseResult p) => new()
    {
        Language = p.GetValue(_language)!,
        Entities = Entities(p),
        ScoreThreshold = p.GetValue(_threshold) ?? 0,
    };

    public PiiAnalyzeRequest ServerRequest(ParseResult p, string text, bool explain) => new()
    {
        Text = text,
        Language = p.GetValue(_language)!,
        Entities = Entities(p),
        ScoreThreshold = p.GetValue(_threshold),
        ReturnDecisionProcess = explain ? true : null,
    };

    /// <summary>Analyses in process or on the server; results in Presidio's shape either way.</summary>
    public async Task<IReadOnlyList<PiiEntity>> AnalyzeAsync(ParseResult p, string text, bool explain, CancellationToken cancellationToken)
    {
        if (OnServer(p))
        {
            using var client = Client(p);
            return await client.Pii.AnalyzeAsync(ServerRequest(p, text, explain), cancellationToken);
        }
        try
        {
            var engine = _context.PiiAnalyzer ?? AnalyzerEngine.CreateDefault();
            return [.. engine.Analyze(text, LocalOptions(p)).Select(r => PiiConvert.ToEntity(r, explain))];
        }
        catch (PiiRequestException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private IReadOnlyList<string>? Entities(ParseResult p)
    {
        var list = (p.GetValue(_entities) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return list.Count == 0 ? null : list;
    }

    private async Task<string> ReadStdinAsync(CancellationToken cancellationToken)
    {
        var buffer = new char[64 * 1024];
        var sb = new StringBuilder();
        int read;
        while ((read = await _context.In.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sb.Append(buffer, 0, read);
            if (sb.Length > MaxBytes) throw new CliException($"standard input is larger than {MaxBytes >> 20} MiB; scan datasets with a dataset scan instead");
        }
        var text = sb.ToString();
        if (text.Contains('\0', StringComparison.Ordinal)) throw new CliException("standard input looks binary (it holds NUL characters); give text");
        return text;
    }

    private static string Decode(byte[] bytes, string name)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new CliException($"{name} looks binary (it holds NUL bytes); give a text file");
        try
        {
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new CliException($"{name} is not valid UTF-8 (at byte {e.Index})", e);
        }
    }
}
