using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Cli.Infrastructure;
using Steward.Policy;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy test PATH... [-v] [--run REGEX]</c>, like <c>opa test</c>: runs every rule named <c>test_*</c>; a test
/// passes when it is defined and true. Prints failures (every result with <c>-v</c>) and <c>PASS: n/m</c>, and
/// <c>FAIL</c>/<c>ERROR</c> counts when there are any. Exit 1 when a test fails or errs. Data files load as in
/// <c>policy eval</c>.
/// </summary>
internal static class TestCommand
{
    private const string Rule = "--------------------------------------------------------------------------------";

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = ".rego and data files or directories", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every test's result, grouped by file" };
        var run = new Option<string?>("--run", "-r") { Description = "Run only tests whose name matches this regular expression", HelpName = "REGEX" };
        var timeout = new Option<int>("--timeout-ms") { Description = "Time limit of each test in milliseconds (default 5000)", DefaultValueFactory = _ => 5000, Validators = { r => Validate.Range(r, 1, 3_600_000) } };
        var ignore = PolicyFiles.IgnoreOption();
        var command = new Command("test", "Run the test_ rules of Rego policies, like opa test") { paths, verbose, run, timeout, ignore };
        command.SetAction(parseResult =>
        {
            Regex? filter = null;
            if (parseResult.GetValue(run) is { } pattern)
            {
                try
                {
                    filter = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"--run: not a regular expression: {e.Message}");
                }
            }
            var (modules, data) = PolicyFiles.Load(parseResult.GetRequiredValue(paths), parseResult.GetValue(ignore));
            if (modules.Count == 0) throw new CliException("no .rego files found");
            CompiledPolicy policy;
            try
            {
                policy = PolicyFiles.Compile(modules);
            }
            catch (RegoCompileException e)
            {
                throw RegoErrors.ToCli(e);
            }

            var files = policy.Modules.GroupBy(m => "data." + string.Join('.', m.Package.Path)).ToDictionary(g => g.Key, g => g.First().FileName ?? "");
            var tests = policy.RulesNamed("test_").Where(t => filter is null || filter.IsMatch(t)).ToList();
            if (tests.Count == 0) throw new CliException("no tests found (rules named test_*)");
            var results = tests.Select(t => Run(policy, t, data, parseResult.GetValue(timeout), context.Time)).ToList();

            var isVerbose = parseResult.GetValue(verbose);
            string? lastFile = null;
            foreach (var r in results.Where(r => isVerbose || r.Outcome != "PASS"))
            {
                var file = files.GetValueOrDefault(r.Name[..r.Name.LastIndexOf('.')], "");
                if (isVerbose && file != lastFile)
                {
                    if (lastFile is not null) context.Out.WriteLine();
                    context.Out.WriteLine($"{file}:");
                    lastFile = file;
                }
                context.Out.WriteLine($"{r.Name}: {r.Outcome} ({r.Elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms){(r.Error is null ? "" : "\n  " + r.Error)}");
            }
            if (results.Any(r => isVerbose || r.Outcome != "PASS")) context.Out.WriteLine(Rule);
            var passed = results.Count(r => r.Outcome == "PASS");
            var failed = results.Count(r => r.Outcome == "FAIL");
            var errors = results.Count(r => r.Outcome == "ERROR");
            if (passed > 0) context.Out.WriteLine($"PASS: {passed}/{results.Count}");
            if (failed > 0) context.Out.WriteLine($"FAIL: {failed}/{results.Count}");
            if (errors > 0) context.Out.WriteLine($"ERROR: {errors}/{results.Count}");
            if (failed + errors > 0)
                throw new CliException($"{failed + errors} of {results.Count} tests did not pass");
            return 0;
        });
        return command;
    }

    private static TestResult Run(CompiledPolicy policy, string name, Steward.Policy.Values.ObjectValue data, int timeoutMs, TimeProvider time)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var results = policy.Prepare(name).Evaluate(new EvalOptions { Data = data, Timeout = TimeSpan.FromMilliseconds(timeoutMs), Time = time });
            var pass = results.Count > 0 && results[0].Expressions[0].IsTrue;
            return new TestResult(name, pass ? "PASS" : "FAIL", watch.Elapsed, null);
        }
        catch (Exception e) when (e is RegoEvalException or RegoCompileException)
        {
            return new TestResult(name, "ERROR", watch.Elapsed, e.Message);
        }
    }

    private sealed record TestResult(string Name, string Outcome, TimeSpan Elapsed, string? Error);
}
