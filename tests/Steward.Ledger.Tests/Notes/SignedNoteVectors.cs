using System.Text.Json;

namespace Steward.Ledger.Tests.Notes;

/// <summary>Loads signed-note/vectors.json from the conformance folder.</summary>
internal static class SignedNoteVectors
{
    public const string Folder = "signed-note";

    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            string path = ConformanceData.PathOf(Folder, "vectors.json");
            if (File.Exists(path))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
                {
                    data.Add(vector.GetProperty("id").GetString()!);
                }
            }

            if (data.Count == 0)
            {
                data.Add(ConformanceData.Missing);
            }

            return data;
        }
    }

    public static JsonElement Load(string id)
    {
        ConformanceData.RequireOrSkip(Folder, "vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(ConformanceData.PathOf(Folder, "vectors.json")));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == id).Clone();
    }

    public static string? String(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
