using Steward.Cli.Infrastructure;
using Steward.Policy;

namespace Steward.Cli.Commands.Policy;

/// <summary>Engine errors as the one line the tool prints.</summary>
internal static class RegoErrors
{
    public static CliException ToCli(RegoCompileException e) => e.Errors.Count == 1
        ? new CliException(e.Errors[0].ToString())
        : new CliException($"{e.Errors.Count} errors: {string.Join("; ", e.Errors)}");

    public static CliException ToCli(RegoEvalException e) => new(e.Error.ToString());
}
