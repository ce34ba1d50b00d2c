using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Governance.Ledger;
using Steward.Ledger.Verification;

namespace Steward.Cli.Commands.Ledger;

/// <summary>
/// <c>steward ledger verify --data DIR | --file EXPORT [--key VKEY] [--anchor GITDIR]</c>: recomputes the
/// whole log offline and checks it against every signed checkpoint, including those anchored in git.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "Data directory of a (stopped or running) server", HelpName = "DIR" };
        var file = new Option<string?>("--file") { Description = "Export file written by 'steward ledger export'", HelpName = "EXPORT" };
        var key = new Option<string?>("--key")
        {
            Description = "Verifier key to pin (text or a file holding it); with --file only",
            HelpName = "VKEY",
        };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "Git repository written by 'steward ledger anchor': every checkpoint in its history is checked too",
            HelpName = "GITDIR",
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "Read the entries from this PostgreSQL database (a server run with --store postgres); the key still comes from --data",
            HelpName = "CS",
        };
        var json = CommonOptions.Json();
        var command = new Command("verify", "Verify the ledger offline") { data, file, key, anchor, connection, json };
        command.Validators.Add(result =>
        {
            var hasData = result.GetResult(data) is not null;
            var hasFile = result.GetResult(file) is not null;
            if (hasData == hasFile)
            {
                result.AddError("give exactly one of --data DIR or --file EXPORT");
            }
            else if (hasData && result.GetResult(key) is not null)
            {
                result.AddError("--key pins the key of an export (--file); a data directory holds its own key");
            }
            else if (hasFile && result.GetResult(connection) is not null)
            {
                result.AddError("--connection goes with --data (the directory holding the ledger key)");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var extra = parseResult.GetValue(anchor) is { } gitDir
                ? await AnchorRepository.ReadAllCheckpointsAsync(gitDir, cancellationToken)
                : [];
            var report = parseResult.GetValue(data) is { } directory
                ? Run(() => OfflineLedger.VerifyDataDirectory(directory, extra, parseResult.GetValue(connection)))
                : Run(() => OfflineLedger.VerifyExport(parseResult.GetRequiredValue(file)!, ReadKey(parseResult.GetValue(key)), extra));
            if (report.Ok || parseResult.GetValue(json))
            {
                Print(context.Out, report, extra.Count, parseResult.GetValue(json));
            }

            if (!report.Ok)
            {
                var where = report.FirstBadIndex is { } index ? $" at entry {index}" : string.Empty;
                throw new CliException($"ledger verification FAILED{where}: {report.Problem ?? "unknown problem"}");
            }

            return 0;
        });
        return command;
    }

    private static LedgerVerificationReport Run(Func<LedgerVerificationReport> verify)
    {
        try
        {
            return verify();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or FileNotFoundException or DirectoryNotFoundException
            or System.Data.Common.DbException or ArgumentException)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static string? ReadKey(string? value) =>
        value is not null && File.Exists(value) ? File.ReadAllText(value).Trim() : value?.Trim();

    private static void Print(TextWriter output, LedgerVerificationReport report, int anchored, bool json)
    {
        if (json)
        {
            Output.Json(output, report);
            return;
        }

        output.WriteLine($"ledger OK: {report.Size} entries, root {Convert.ToBase64String(report.RootHash)}");
        output.WriteLine(report.CheckpointsVerified == 0
            ? "checkpoints verified: 0 (no signed checkpoint covers these entries)"
            : $"checkpoints verified: {report.CheckpointsVerified} (largest size {report.LargestCheckpointSize})");
        if (report.Ok && report.CheckpointsVerified > 0 && report.LargestCheckpointSize < report.Size)
        {
            output.WriteLine(
                $"not yet signed: entries {report.LargestCheckpointSize}..{report.Size - 1} are beyond the largest verified checkpoint");
        }

        if (anchored > 0)
        {
            output.WriteLine($"anchored checkpoints given: {anchored}");
        }
    }
}
