using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Tests.Notes;

/// <summary>golang/mod TestNewVerifier / TestNewSigner: bad keys, every proper substring, every byte incremented.</summary>
internal static partial class KeyManglingChecks
{
    public static int Run(JsonElement vector)
    {
        if (vector.String("valid_vkey") is not { } validVkey)
        {
            return 0;
        }

        Assert.Equal(validVkey, NoteVerifier.Parse(validVkey).VerifierKey);
        foreach (var invalid in vector.Array("invalid_vkeys"))
        {
            string vkey = invalid.GetProperty("vkey").GetString()!;
            Assert.Throws<FormatException>(() => NoteVerifier.Parse(vkey));
            Assert.False(NoteVerifier.TryParse(vkey, out _));
        }

        int rejected = AssertManglingsRejected(validVkey, k => NoteVerifier.Parse(k));
        if (FindSkey(vector, validVkey) is { } skey)
        {
            Assert.Equal(validVkey, NoteSigner.FromSkey(skey).VerifierKey);
            rejected += AssertManglingsRejected(skey, k => NoteSigner.FromSkey(k));
        }

        return rejected;
    }

    private static int AssertManglingsRejected(string key, Action<string> parse)
    {
        var variants = new List<string>();
        for (int start = 0; start < key.Length; start++)
        {
            for (int end = start; end <= key.Length; end++)
            {
                if (start != 0 || end != key.Length)
                {
                    variants.Add(key[start..end]);
                }
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(key);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] changed = (byte[])bytes.Clone();
            changed[i]++;
            variants.Add(Encoding.UTF8.GetString(changed));
        }

        foreach (string variant in variants)
        {
            Assert.Throws<FormatException>(() => parse(variant));
        }

        return variants.Count;
    }

    private static string? FindSkey(JsonElement vector, string validVkey)
    {
        string rule = vector.String("rule") ?? string.Empty;
        var match = SkeyPattern().Match(rule);
        if (match.Success)
        {
            return match.Value.TrimEnd('.');
        }

        string path = ConformanceData.PathOf(SignedNoteVectors.Folder, "vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Where(v => v.String("vkey") == validVkey).Select(v => v.String("skey")).FirstOrDefault(s => s is not null);
    }

    [GeneratedRegex(@"PRIVATE\+KEY\+\S+")]
    private static partial Regex SkeyPattern();
}
