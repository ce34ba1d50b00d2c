using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Policy;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy check PATH...</c>: parses and compiles every <c>.rego</c> file together (directories are searched
/// recursively) and prints each error as OPA does (<c>file:line:col: code: message</c>): syntax, unsafe variables,
/// recursion, conflicting rules, unknown functions.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = ".rego files or directories holding them", Arity = ArgumentArity.OneOrMore };
        var ignore = PolicyFiles.IgnoreOption();
        var command = new Command("check", "Report Rego syntax and compile errors (exit 1 if any)") { paths, ignore };
        command.SetAction(parseResult =>
        {
            var files = Files(parseResult.GetRequiredValue(paths), parseResult.GetValue(ignore) ?? []);
            var sources = files.Select(f => new PolicySource(f, Read(f))).ToList();
            IReadOnlyList<RegoError> errors = [];
            try
            {
                PolicyFiles.Compile(sources);
            }
            catch (RegoCompileException e)
            {
                errors = e.Errors;
            }

            // The diagnostics are the result (stdout); the failure itself is the one line on stderr.
            foreach (var error in errors) context.Out.WriteLine(error);
            if (errors.Count > 0)
            {
                var bad = errors.Select(e => e.File).Where(f => f is not null).Distinct().Count();
                throw new CliException($"{Math.Max(bad, 1)} of {files.Count} files have errors ({errors.Count} errors)");
            }
            context.Out.WriteLine($"{files.Count} files OK");
            return 0;
        });
        return command;
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {e.Message}");
        }
    }

    private static List<string> Files(IEnumerable<string> paths, IReadOnlyList<string> ignore)
    {
        var skip = ignore.Select(PolicyFiles.Glob).ToList();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.rego", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Where(f => !PolicyFiles.Ignored(Path.GetRelativePath(path, f), skip)));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new CliException($"{path} does not exist");
        }
        if (files.Count == 0) throw new CliException("no .rego files found");
        return files;
    }
}
