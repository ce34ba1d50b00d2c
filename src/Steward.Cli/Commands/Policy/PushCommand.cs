using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// <c>steward policy push PATH... [--id ID]</c>: uploads <c>.rego</c> files to the server. A file's id is its name, or
/// its path below a directory given (<c>policies/authz/main.rego</c> pushed as <c>policies</c> is <c>authz/main.rego</c>).
/// The server refuses a module that does not compile with the others; the first refusal stops the push.
/// </summary>
internal static class PushCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = ".rego files or directories holding them", Arity = ArgumentArity.OneOrMore };
        var id = new Option<string?>("--id") { Description = "The module id (only with one file; default: the file name)", HelpName = "ID" };
        var command = new Command("push", "Upload Rego modules to the server (admin)") { paths, id };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var modules = Modules(parseResult.GetRequiredValue(paths));
            if (parseResult.GetValue(id) is { } given)
            {
                if (modules.Count != 1) throw new CliException("--id needs exactly one file");
                modules[0] = (given, modules[0].File);
            }
            using var client = connection.CreateClient(parseResult);
            foreach (var (moduleId, file) in modules)
            {
                await client.Policies.PutAsync(moduleId, await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
                context.Out.WriteLine($"pushed {file} as {moduleId}");
            }
            return 0;
        });
        return command;
    }

    private static List<(string Id, string File)> Modules(IEnumerable<string> paths)
    {
        var modules = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                modules.AddRange(Directory.EnumerateFiles(path, "*.rego", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(f => (Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/'), f)));
            }
            else if (File.Exists(path))
            {
                modules.Add((Path.GetFileName(path), path));
            }
            else
            {
                throw new CliException($"{path} does not exist");
            }
        }
        return modules.Count > 0 ? modules : throw new CliException("no .rego files found");
    }
}
