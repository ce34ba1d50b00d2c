using Steward.Drift.Profiles;
using Steward.Drift.Reports;

namespace Steward.Drift.Io;

/// <summary>
/// Reads CSV (header row), JSON Lines or Parquet files straight into profiles, keeping no cell: a column is numerical when every
/// present cell is a number (NaN and infinities included; JSON strings are labels), categorical otherwise, and
/// <c>categorical</c>/<c>numerical</c> override that. Errors name the file, line (Parquet: row) and column. Profile files
/// (<see cref="DriftProfile.Format"/>) are recognised by their content.
/// </summary>
public static class ProfileReader
{
    /// <summary>Profiles one data file (its format from the extension: <see cref="FormatOf"/>).</summary>
    public static DriftProfile Read(string path, ProfileOptions? options, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kinds = Declared(categorical, numerical);
        var profile = ReadTyped(path, kinds, numerical, options ?? new ProfileOptions());
        CheckDeclared(profile, path, categorical.Concat(numerical));
        return profile;
    }

    /// <summary>
    /// Profiles data from a seekable stream (for example a request body held in memory), read from its current position and
    /// left open (Parquet: the stream must hold only the file); <paramref name="name"/> names it in errors. Types are inferred as for files; <paramref name="kinds"/> (for
    /// example a reference profile's) fixes columns as numbers or labels, a numbers column meeting text turning into labels.
    /// </summary>
    public static DriftProfile Read(Stream data, DataFormat format, string name, ProfileOptions? options = null, IReadOnlyDictionary<string, ProfileColumnKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.CanSeek) throw new ArgumentException("the stream must be seekable (a column may need a second read)", nameof(data));
        var start = data.Position;
        Stream Open()
        {
            data.Position = start;
            return new NonClosingStream(data);
        }
        var known = new Dictionary<string, ProfileColumnKind>(kinds ?? new Dictionary<string, ProfileColumnKind>(), StringComparer.Ordinal);
        var empty = new HashSet<string>(StringComparer.Ordinal);
        var reader = new ProfileFileReader(name, Open, format, known, empty, options ?? new ProfileOptions());
        var profile = reader.Read();
        if (reader.TurnedToLabels.Count == 0) return profile;
        foreach (var column in reader.TurnedToLabels) known[column] = ProfileColumnKind.Labels;
        return new ProfileFileReader(name, Open, format, known, empty, options ?? new ProfileOptions()).Read();
    }

    /// <summary>The format of a file by its extension: <c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c> JSON Lines, <c>.parquet</c> and <c>.pq</c> Parquet, anything else CSV.</summary>
    public static DataFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => DataFormat.JsonLines,
        ".parquet" or ".pq" => DataFormat.Parquet,
        _ => DataFormat.Csv,
    };

    /// <summary>
    /// Reads reference and current data into exact profiles typed together (a column is numerical only when it is in both
    /// files); reports from them equal reports from the raw tables.
    /// </summary>
    public static (DriftProfile Reference, DriftProfile Current) ReadPair(string referencePath, string currentPath, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical) =>
        ReadPair(referencePath, currentPath, categorical, numerical, null);

    /// <summary>
    /// As <see cref="ReadPair(string, string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>, measuring the model's
    /// quality in the same pass over each file (<paramref name="quality"/>; then <see cref="StreamingModelQuality.Evaluate"/>).
    /// </summary>
    public static (DriftProfile Reference, DriftProfile Current) ReadPair(string referencePath, string currentPath, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical, StreamingModelQuality? quality)
    {
        var exact = new ProfileOptions { Mode = ProfileMode.Exact };
        var kinds = Declared(categorical, numerical);
        quality?.ReferenceIsData();
        var reference = ReadTyped(referencePath, kinds, numerical, exact, quality?.ReferenceTap);
        CheckDeclared(reference, referencePath, categorical.Concat(numerical));
        foreach (var column in reference.Columns) kinds.TryAdd(column.Name, column.Kind);
        var current = ReadTyped(currentPath, kinds, numerical, exact, quality?.CurrentTap);
        var relabel = current.Columns.Where(c => c.Kind == ProfileColumnKind.Labels && reference.Find(c.Name)?.Kind == ProfileColumnKind.Numbers).Select(c => c.Name).ToArray();
        if (relabel.Length > 0)
        {
            foreach (var name in relabel) kinds[name] = ProfileColumnKind.Labels;
            reference = ReadTyped(referencePath, kinds, numerical, exact, quality?.ReferenceTap);
        }
        return (reference, current);
    }

    /// <summary>Reads current data exactly for comparison with a reference profile, each column typed as the reference's unless declared.</summary>
    public static DriftProfile ReadCurrent(string path, DriftProfile reference, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical) =>
        ReadCurrent(path, reference, categorical, numerical, null);

    /// <summary>As <see cref="ReadCurrent(string, DriftProfile, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>, measuring the model's quality in the same pass (<paramref name="quality"/>).</summary>
    public static DriftProfile ReadCurrent(string path, DriftProfile reference, IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical, StreamingModelQuality? quality)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var kinds = Declared(categorical, numerical);
        foreach (var name in categorical.Concat(numerical))
            if (reference.Find(name) is null) throw new DriftException($"column '{name}' is not in the reference profile");
        foreach (var column in reference.Columns) kinds.TryAdd(column.Name, column.Kind);
        return ReadTyped(path, kinds, numerical, new ProfileOptions { Mode = ProfileMode.Exact }, quality?.CurrentTap);
    }

    /// <summary>
    /// The column names of a data file without reading its rows: a CSV header, the keys of the first JSON Lines object, a Parquet
    /// schema's fields; a profile file's columns.
    /// </summary>
    public static IReadOnlyList<string> ColumnNames(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DriftException($"{path} does not exist");
        if (IsProfileFile(path)) return ReadProfileFile(path).Columns.Select(c => c.Name).ToArray();
        try
        {
            switch (FormatOf(path))
            {
                case DataFormat.Parquet:
                    return ParquetTable.Names(path);
                case DataFormat.JsonLines:
                    foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
                    {
                        if (string.IsNullOrWhiteSpace(line)) continue;
                        using var document = JsonLine.ParseObject(line, path, number);
                        return document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
                    }
                    return [];
                default:
                    using (var reader = new StreamReader(path))
                    {
                        var csv = new CsvReader(reader, path);
                        if (!csv.Read()) return [];
                        return Enumerable.Range(0, csv.FieldCount).Select(i => csv.FieldString(i)?.Trim() ?? "").ToArray();
                    }
            }
        }
        catch (IOException e)
        {
            throw new DriftException($"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>Whether a file is a drift profile (its JSON starts with <c>{"format": "steward.drift.profile/</c>).</summary>
    public static bool IsProfileFile(string path)
    {
        if (!File.Exists(path)) return false;
        using var stream = File.OpenRead(path);
        var buffer = new byte[256];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var start = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        return System.Text.RegularExpressions.Regex.IsMatch(start, "^\\s*\\{\\s*\"format\"\\s*:\\s*\"steward\\.drift\\.profile/");
    }

    /// <summary>Reads a profile file, naming the file in errors.</summary>
    public static DriftProfile ReadProfileFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return DriftProfile.ReadFrom(stream);
        }
        catch (DriftException e)
        {
            throw new DriftException($"{path}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DriftException($"cannot read {path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DriftException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static DriftProfile ReadTyped(string path, Dictionary<string, ProfileColumnKind> kinds, IReadOnlyCollection<string> numerical, ProfileOptions options, RowTap? tap = null)
    {
        if (!File.Exists(path)) throw new DriftException($"{path} does not exist");
        var numericalSet = numerical.ToHashSet(StringComparer.Ordinal);
        var format = FormatOf(path);
        var reader = new ProfileFileReader(path, () => File.OpenRead(path), format, kinds, numericalSet, options, tap);
        var profile = reader.Read();
        if (reader.TurnedToLabels.Count == 0) return profile;
        var learnt = new Dictionary<string, ProfileColumnKind>(kinds, StringComparer.Ordinal);
        foreach (var name in reader.TurnedToLabels) learnt[name] = ProfileColumnKind.Labels;
        return new ProfileFileReader(path, () => File.OpenRead(path), format, learnt, numericalSet, options, tap).Read();
    }

    private static Dictionary<string, ProfileColumnKind> Declared(IReadOnlyCollection<string> categorical, IReadOnlyCollection<string> numerical)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(numerical);
        if (categorical.Intersect(numerical, StringComparer.Ordinal).FirstOrDefault() is { } both)
            throw new DriftException($"column '{both}' cannot be both categorical and numerical");
        var kinds = new Dictionary<string, ProfileColumnKind>(StringComparer.Ordinal);
        foreach (var name in categorical) kinds[name] = ProfileColumnKind.Labels;
        foreach (var name in numerical) kinds[name] = ProfileColumnKind.Numbers;
        return kinds;
    }

    private static void CheckDeclared(DriftProfile profile, string path, IEnumerable<string> declared)
    {
        foreach (var name in declared)
            if (profile.Find(name) is null) throw new DriftException($"column '{name}' is not in {path}");
    }
}
