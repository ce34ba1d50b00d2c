using System.Text;
using Bogus;

namespace Steward.Pii.Tests.Evaluation.Wide;

/// <summary>
/// People's names of many cultures for the wide check set: half from Bogus locales not used by the fresh set, half
/// invented from a culture's syllables and endings (Japanese, Chinese, Korean, Arabic, Slavic, West African, Indian,
/// Nordic, Turkish, Greek, Hispanic compound surnames), so no gazetteer holds them. Given names may be hyphenated
/// ("Anna-Lena"), Korean given names are hyphenated ("Ji-hoon"), Chinese and Korean names sometimes come family first.
/// </summary>
internal sealed class WideNames(Faker[] fakers, Random random)
{
    private sealed record Culture(string[] Onsets, string[] Nuclei, string[] GivenEnds, string[] FamilyEnds, string[] FamilyPrefixes, bool FamilyFirst);

    private static readonly Culture[] Cultures =
    [
        new(["k", "s", "t", "n", "h", "m", "y", "r", "sh", "ch", "ts"], ["a", "i", "u", "e", "o"], ["ko", "ro", "ki", "mi", "ka", "to", "ya"], ["moto", "mura", "kawa", "yama", "da", "ta", "shima", "hara", "no"], [], false),
        new(["zh", "x", "q", "l", "w", "h", "ch", "j", "y", "m", "s", "t"], ["ao", "ian", "ing", "ang", "ei", "u", "iu", "ong", "a", "en"], [""], [""], [], true),
        new(["j", "m", "s", "h", "y", "k", "d", "b", "ch", "g"], ["i", "a", "u", "eo", "o", "ae", "eu"], ["-hoon", "-yeon", "-min", "-woo", "-ah", "-jin", "-seo"], ["", "n", "m", "ng"], [], true),
        new(["r", "h", "k", "s", "m", "f", "z", "n", "b", "j", "t"], ["a", "i", "u", "aa", "ee"], ["id", "im", "an", "ir", "a", "ud"], ["i", "awi", "ani", "ri", "an"], ["Al-", "El-", "bin ", "Abu "], false),
        new(["br", "v", "d", "m", "sl", "z", "g", "k", "n", "r", "p"], ["a", "o", "e", "i", "u"], ["mir", "slav", "an", "ka", "na", "ja"], ["ov", "ova", "enko", "ski", "ska", "vić", "ić", "czak", "uk"], [], false),
        new(["ch", "ng", "ad", "ol", "ok", "ny", "b", "t", "k", "w", "m"], ["a", "e", "o", "i", "u"], ["emi", "uchi", "seun", "ola", "ike", "nna", "dimma"], ["yi", "onye", "eke", "ola", "ba", "wale", "adu"], ["Ade", "Olu", "Oke", "Nwa"], false),
        new(["r", "v", "s", "p", "k", "d", "n", "m", "h", "b", "sh"], ["a", "i", "ee", "u", "e"], ["esh", "ita", "deep", "preet", "ini", "an", "ika"], ["nathan", "ishnan", "kar", "wal", "jee", "appa", "ani"], [], false),
        new(["s", "b", "h", "t", "v", "l", "g", "k", "fr", "sv", "j"], ["a", "e", "i", "o", "u", "ö", "å"], ["rid", "vild", "ar", "e", "un", "leif"], ["sen", "son", "dottir", "berg", "ström", "lund", "dahl"], [], false),
        new(["m", "k", "s", "t", "b", "y", "d", "h", "c", "ş", "g"], ["a", "e", "ü", "ı", "o", "u"], ["can", "han", "nur", "su", "tan", "em"], ["oğlu", "can", "han", "er", "taş", "kaya"], [], false),
        new(["k", "p", "th", "d", "st", "n", "m", "l", "g", "x", "v"], ["a", "o", "i", "e", "ou"], ["os", "is", "a", "ia", "as"], ["opoulos", "idis", "akis", "ou", "iadis"], [], false),
    ];

    /// <summary>A full name: a Bogus locale's, or one of a culture, sometimes with a hyphenated given name or two surnames.</summary>
    public string Person()
    {
        if (random.NextDouble() < 0.5)
        {
            var f = Faker();
            var first = random.NextDouble() < 0.12 ? $"{f.Name.FirstName()}-{f.Name.FirstName()}" : f.Name.FirstName();
            return random.NextDouble() < 0.12 ? $"{first} {f.Name.LastName()} {f.Name.LastName()}" : $"{first} {f.Name.LastName()}";
        }
        var c = Cultures[random.Next(Cultures.Length)];
        var given = Given(c);
        var family = Family(c);
        return c.FamilyFirst && random.Next(2) == 0 ? $"{family} {given}" : $"{given} {family}";
    }

    /// <summary>A given name of some culture or locale.</summary>
    public string First() => random.NextDouble() < 0.5 ? Faker().Name.FirstName() : Given(Cultures[random.Next(Cultures.Length)]);

    /// <summary>A surname of some culture or locale.</summary>
    public string Last() => random.NextDouble() < 0.5 ? Faker().Name.LastName() : Family(Cultures[random.Next(Cultures.Length)]);

    private Faker Faker() => fakers[random.Next(fakers.Length)];

    private string Given(Culture c) => Capital(Syllables(c, 1 + random.Next(2)) + Pick(c.GivenEnds));

    private string Family(Culture c)
    {
        var stem = Capital(Syllables(c, 1 + random.Next(2)) + Pick(c.FamilyEnds));
        if (c.FamilyPrefixes.Length == 0 || random.Next(3) != 0) return stem;
        var prefix = Pick(c.FamilyPrefixes);
        // "Ade" + "bayo" is written as one word ("Adebayo"); "Al-", "bin " keep the stem's capital.
        return char.IsLetter(prefix[^1]) ? prefix + char.ToLowerInvariant(stem[0]) + stem[1..] : prefix + stem;
    }

    private string Syllables(Culture c, int n)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < n; k++) sb.Append(Pick(c.Onsets)).Append(Pick(c.Nuclei));
        return sb.ToString();
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
