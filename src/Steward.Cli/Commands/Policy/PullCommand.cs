using System.CommandLine;
using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Policy;

/// <summary><c>steward policy pull ID [-o FILE]</c>: prints a module's Rego text, or writes it to a file.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The module id" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the text to this file instead of standard output", HelpName = "FILE" };
        var command = new Command("pull", "Download a Rego module from the server") { id, output };
        var connection = new ConnectionOptions(command, context);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(output);
            if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } parent && !Directory.Exists(parent))
                throw new CliException($"cannot write {file}: directory {parent} does not exist");
            using var client = connection.CreateClient(parseResult);
            var module = await client.Policies.GetAsync(parseResult.GetRequiredValue(id), cancellationToken);
            if (file is null)
                await context.Out.WriteAsync(module.Raw);
            else
                await File.WriteAllTextAsync(file, module.Raw, cancellationToken);
            return 0;
        });
        return command;
    }
}
