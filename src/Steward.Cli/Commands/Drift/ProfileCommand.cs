using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Drift;
using Steward.Drift.Io;
using Steward.Drift.Profiles;

namespace Steward.Cli.Commands.Drift;

/// <summary>
/// <c>steward drift profile DATA -o PROFILE [--mode auto|exact|sketch] [--sketch-k K] [--categorical COLS] [--numerical COLS]</c>:
/// streams a CSV, JSON Lines or Parquet file into a reference profile; <c>steward drift profile merge A B ... -o OUT</c> merges profiles.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("DATA") { Description = "Data to profile: CSV with a header row, JSON Lines (.jsonl) or Parquet (.parquet)" };
        var output = OutputOption();
        var mode = new Option<string>("--mode") { Description = "exact: every value; sketch: KLL quantile sketch; auto: exact up to 100,000 values per column, then a sketch", DefaultValueFactory = _ => "auto" };
        mode.AcceptOnlyFromAmong("auto", "exact", "sketch");
        var sketchK = new Option<int>("--sketch-k") { Description = "The sketch's accuracy parameter k (rank error at most about 2.5/k)", DefaultValueFactory = _ => ProfileOptions.DefaultSketchK };
        var categorical = new Option<string?>("--categorical") { Description = "Comma-separated columns to profile as categories (e.g. codes such as 02139)" };
        var numerical = new Option<string?>("--numerical") { Description = "Comma-separated columns to profile as numbers" };
        var command = new Command("profile", "Build a reference profile (exact values or quantile sketches, category counts) from a data file")
        {
            data, output, mode, sketchK, categorical, numerical, MergeCommand(context),
        };
        command.SetAction(parseResult =>
        {
            var path = Writable(parseResult.GetRequiredValue(output));
            var options = new ProfileOptions
            {
                Mode = parseResult.GetValue(mode) switch { "exact" => ProfileMode.Exact, "sketch" => ProfileMode.Sketch, _ => ProfileMode.Auto },
                SketchK = parseResult.GetValue(sketchK),
            };
            var profile = Guard(() => ProfileReader.Read(parseResult.GetRequiredValue(data), options, Names(parseResult.GetValue(categorical)), Names(parseResult.GetValue(numerical))));
            Write(profile, path);
            Summary(context.Out, profile, path);
            return StewardCommandLine.Success;
        });
        return command;
    }

    private static Command MergeCommand(CliContext context)
    {
        var inputs = new Argument<string[]>("PROFILES") { Description = "Profiles to merge (two or more, same columns)", Arity = new ArgumentArity(2, 1000) };
        var output = OutputOption();
        var command = new Command("merge", "Merge profiles of several batches into one") { inputs, output };
        command.SetAction(parseResult =>
        {
            var path = Writable(parseResult.GetRequiredValue(output));
            var profile = Guard(() =>
            {
                var merged = (DriftProfile?)null;
                foreach (var input in parseResult.GetRequiredValue(inputs))
                {
                    if (!File.Exists(input)) throw new DriftException($"{input} does not exist");
                    var next = ProfileReader.ReadProfileFile(input);
                    try
                    {
                        merged = merged is null ? next : merged.Merge(next);
                    }
                    catch (DriftException e)
                    {
                        throw new DriftException($"{input}: {e.Message}", e);
                    }
                }
                return merged!;
            });
            Write(profile, path);
            Summary(context.Out, profile, path);
            return StewardCommandLine.Success;
        });
        return command;
    }

    private static Option<string> OutputOption() => new("--output", "-o") { Description = "The profile file to write", Required = true };

    private static string Writable(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent && !Directory.Exists(parent))
            throw new CliException($"cannot write {path}: directory {parent} does not exist");
        return path;
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DriftException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private static void Write(DriftProfile profile, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) profile.WriteTo(stream);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Summary(TextWriter writer, DriftProfile profile, string path)
    {
        Output.Table(writer, profile.Columns,
            ("COLUMN", c => c.Name),
            ("KIND", c => c.Kind == ProfileColumnKind.Numbers ? "num" : "labels"),
            ("COUNT", c => c.Count.ToString(CultureInfo.InvariantCulture)),
            ("MISSING", c => c.MissingCount.ToString(CultureInfo.InvariantCulture)),
            ("KEPT", c => c.Kind == ProfileColumnKind.Labels ? $"{c.Categories!.Count} categories{(c.OtherCount > 0 ? " + other" : "")}"
                : c.IsSketch ? $"sketch k={c.SketchK}" : "exact"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile of {profile.RowCount} rows, {profile.Columns.Count} columns written to {path}"));
    }

    internal static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
