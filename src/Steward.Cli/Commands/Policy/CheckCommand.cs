using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Policy.Syntax;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy check PATH...</c>: parses every <c>.rego</c> file (directories are searched recursively) and
/// prints each syntax error as OPA does (<c>file:line:col: rego_parse_error: ...</c>). Compile checks (safety,
/// recursion, types) arrive with the policy compiler.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = ".rego files or directories holding them", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Report Rego syntax errors (exit 1 if any)") { paths };
        command.SetAction(parseResult =>
        {
            var files = Files(parseResult.GetRequiredValue(paths));
            var errors = new List<string>();
            foreach (var file in files)
            {
                try
                {
                    RegoParser.ParseModule(File.ReadAllText(file), file);
                }
                catch (RegoParseException ex)
                {
                    errors.Add(ex.Message);
                }
            }

            // The diagnostics are the result (stdout); the failure itself is the one line on stderr.
            foreach (var error in errors) context.Out.WriteLine(error);
            if (errors.Count > 0)
                throw new CliException($"{errors.Count} of {files.Count} files have errors");
            context.Out.WriteLine($"{files.Count} files OK (syntax)");
            return 0;
        });
        return command;
    }

    private static List<string> Files(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.rego", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new CliException($"{path} does not exist");
        }
        if (files.Count == 0) throw new CliException("no .rego files found");
        return files;
    }
}
