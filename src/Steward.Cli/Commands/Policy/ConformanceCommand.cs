using System.CommandLine;
using System.Text.Json;
using Steward.Cli.Infrastructure;
using Steward.Policy.Conformance;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy conformance DIR [--json FILE]</c>: runs every OPA-format YAML case file under DIR unchanged,
/// prints one line per failing case and, last, <c>N passed, M failed</c>. Exit 1 when any case fails.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR") { Description = "Directory holding OPA YAML case files (searched recursively)" };
        var json = new Option<string?>("--json") { Description = "Write per-case results to this JSON file" };
        var command = new Command("conformance", "Run OPA's YAML conformance cases against the engine") { directory, json };
        command.SetAction(parseResult =>
        {
            var dir = parseResult.GetRequiredValue(directory);
            if (!Directory.Exists(dir))
                throw new CliException($"{dir} is not a directory");
            var output = parseResult.GetValue(json);
            if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } parent && !Directory.Exists(parent))
                throw new CliException($"cannot write {output}: directory {parent} does not exist");

            var results = OpaConformanceRunner.RunDirectory(dir, r =>
            {
                if (!r.Passed)
                    context.Out.WriteLine($"FAIL {r.File}: {r.Note}: {r.Reason}");
            });
            if (results.Count == 0)
                throw new CliException($"no .yaml case files found under {dir}");
            if (output is not null)
            {
                var document = results.Select(r => new { file = r.File, note = r.Note, passed = r.Passed, reason = r.Reason });
                File.WriteAllText(output, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            }

            var passed = results.Count(r => r.Passed);
            context.Out.WriteLine($"{passed} passed, {results.Count - passed} failed");
            return passed == results.Count ? 0 : 1;
        });
        return command;
    }
}
