namespace Steward.Server.Tickets;

/// <summary>Reads a credential from its file setting (preferred) or its inline setting.</summary>
internal static class Secrets
{
    public static string? Read(string? inline, string? file, string setting)
    {
        if (string.IsNullOrWhiteSpace(file)) return string.IsNullOrWhiteSpace(inline) ? null : inline.Trim();
        if (!File.Exists(file)) throw new InvalidOperationException($"{setting}: file {file} does not exist");
        return File.ReadAllText(file).Trim();
    }
}
