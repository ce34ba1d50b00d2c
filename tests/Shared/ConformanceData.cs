namespace Steward.Testing;

/// <summary>
/// Locates the shared conformance vectors: $STEWARD_CONFORMANCE_DIR, else ../shared/conformance next to the
/// repository root (the folder holding Steward.slnx).
/// </summary>
internal static class ConformanceData
{
    public const string Missing = "(conformance data missing)";

    public static string Root { get; } = Locate();

    public static bool Available => Directory.Exists(Root);

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Skips the running test when the vectors are not there.</summary>
    public static void RequireOrSkip(params string[] parts)
    {
        string path = PathOf(parts);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Requirements.Unavailable($"conformance data not found at {path}: set STEWARD_CONFORMANCE_DIR");
        }
    }

    /// <summary>Theory rows: one per file below the folder (relative paths), or a single placeholder row.</summary>
    public static TheoryData<string> FilesUnder(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        string path = PathOf(folder);
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(path, file).Replace('\\', '/'));
            }
        }

        if (data.Count == 0)
        {
            data.Add(Missing);
        }

        return data;
    }

    private static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("STEWARD_CONFORMANCE_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            }
        }

        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "shared", "conformance"));
    }
}
