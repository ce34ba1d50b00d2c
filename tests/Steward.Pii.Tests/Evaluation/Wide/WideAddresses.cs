using Bogus;

namespace Steward.Pii.Tests.Evaluation.Wide;

/// <summary>
/// Street addresses in the formats of many countries (US, UK, Germany, France, Spain, Mexico, Italy, the Netherlands,
/// Poland, Brazil, Portugal, Sweden, Norway, Finland, Japan, India, Australia, Canada, Turkey, Russia, South Africa),
/// built from Bogus street and city names and invented ones, with units, postal codes and sometimes the country.
/// Returned as parts: joined with ", " for one line, or with line breaks for a block.
/// </summary>
internal sealed class WideAddresses(Faker[] fakers, Random random)
{
    private static readonly string[] Onsets = ["b", "k", "t", "v", "d", "g", "m", "n", "s", "r", "h", "l", "p", "st", "gr"];
    private static readonly string[] Nuclei = ["a", "e", "i", "o", "u", "au", "ei"];

    /// <summary>The parts of one address (street line, unit, town line, country).</summary>
    public List<string> Parts()
    {
        var n = random.Next(1, 240);
        var s = Stem();
        var c = City();
        List<string> parts = random.Next(22) switch
        {
            0 => [$"{n} {s} {Pick("Ave", "St", "Blvd", "Dr", "Ln", "Rd", "Ct", "Way", "Street", "Avenue")}" + Pick("", " Apt 4B", $" Suite {n + 100}", $" #{n % 30 + 1}"), c, $"{Pick("NY", "CA", "TX", "OH", "WA", "GA")} {Digits(5)}"],
            1 => [$"Flat {n % 40 + 1}", $"{n} {s} {Pick("Road", "Lane", "Close", "Gardens", "Crescent", "Terrace", "Street", "Mews")}", $"{c} {UkPostcode()}"],
            2 => [$"{s}{Pick("straße", "str.", "weg", "gasse", "allee", "platz", "ring")} {n}{Pick("", "a", "b")}", $"{Digits(5)} {c}"],
            3 => [$"{n}{Pick("", " bis")} {Pick("rue", "avenue", "boulevard", "impasse", "allée", "chemin")} {Pick("de la ", "du ", "des ", "")}{s}", $"{Digits(5)} {c}"],
            4 => [$"{Pick("Calle", "Avenida", "Paseo", "C/")} {s} {n}", $"{Pick("3º B", "piso 2", "1º izq.")}", $"{Digits(5)} {c}"],
            5 => [$"{Pick("Av.", "Calle", "Blvd.")} {s} #{n}", $"Col. {Stem()}", $"{Digits(5)} {c}"],
            6 => [$"{Pick("Via", "Viale", "Piazza", "Corso")} {s} {n}", $"{Digits(5)} {c} ({Letters(2)})"],
            7 => [$"{s}{Pick("straat", "laan", "weg", "plein", "gracht", "dijk")} {n}{Pick("", "A", "-2")}", $"{Digits(4)} {Letters(2)} {c}"],
            8 => [$"ul. {s} {n}/{n % 20 + 1}", $"{Digits(2)}-{Digits(3)} {c}"],
            9 => [$"{Pick("Rua", "Avenida", "Travessa")} {s}, {n}", $"{Pick("Apto 12", "Bloco B", "Casa 2")}", $"{c} - {Letters(2)}", $"{Digits(5)}-{Digits(3)}"],
            10 => [$"Rua {Pick("de ", "do ", "da ", "")}{s} {n}", $"{Digits(4)}-{Digits(3)} {c}"],
            11 => [$"{s}{Pick("gatan", "vägen", "gränd", "torget")} {n}", $"{Digits(3)} {Digits(2)} {c}"],
            12 => [$"{s}{Pick("veien", "gata", "vej", "gade")} {n}", $"{Digits(4)} {c}"],
            13 => [$"{s}{Pick("katu", "tie", "kuja", "polku")} {n} {Pick("A 5", "B", "C 12", "")}".TrimEnd(), $"{Digits(5)} {c}"],
            14 => [$"{n}-{n % 9 + 1}-{n % 17 + 1} {s}", $"{Stem()}-ku", $"{c} {Digits(3)}-{Digits(4)}"],
            15 => [$"{Pick("Flat", "House", "Plot")} No. {n}", $"{s} {Pick("Nagar", "Road", "Marg", "Colony", "Layout")}", $"{c} {Digits(6)}"],
            16 => [$"{Pick("Unit", "Level")} {n % 30 + 1}", $"{n} {s} {Pick("St", "Rd", "Pde", "Tce", "Hwy")}", $"{c} {Pick("NSW", "VIC", "QLD", "WA")} {Digits(4)}"],
            17 => [$"{n} {s} {Pick("St", "Ave", "Blvd", "Rd")}{Pick("", " E", " W")}", c, $"{Pick("ON", "QC", "BC", "AB")} {CaPostcode()}"],
            18 => [$"{s} {Pick("Cad.", "Sok.", "Caddesi", "Sokak")} No:{n} D:{n % 20 + 1}", $"{Digits(5)} {c}"],
            19 => [$"ul. {s}, d. {n}, kv. {n % 90 + 1}", c, Digits(6)],
            20 => [$"{n} {s} Street", Stem(), c, Digits(4)],
            _ => [Faker().Address.StreetAddress(random.Next(2) == 0), $"{Faker().Address.ZipCode()} {c}"],
        };
        if (random.NextDouble() < 0.2) parts.Add(Faker().Address.Country());
        return parts;
    }

    private Faker Faker() => fakers[random.Next(fakers.Length)];

    private string Stem() => random.NextDouble() < 0.5 ? Faker().Name.LastName() : Invented();

    private string City() => random.NextDouble() < 0.6 ? Faker().Address.City() : Invented() + Pick("", "", "ville", "berg", "ton", "ia");

    private string Invented()
    {
        var syllables = 2 + random.Next(2);
        var s = "";
        for (var k = 0; k < syllables; k++) s += Onsets[random.Next(Onsets.Length)] + Nuclei[random.Next(Nuclei.Length)];
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    private string Pick(params string[] items) => items[random.Next(items.Length)];

    private string Digits(int n)
    {
        var s = new char[n];
        for (var k = 0; k < n; k++) s[k] = (char)('0' + (k == 0 ? random.Next(1, 10) : random.Next(10)));
        return new string(s);
    }

    private string Letters(int n)
    {
        var s = new char[n];
        for (var k = 0; k < n; k++) s[k] = (char)('A' + random.Next(26));
        return new string(s);
    }

    private string UkPostcode() => $"{Letters(2)}{random.Next(1, 20)} {random.Next(10)}{Letters(2)}";

    private string CaPostcode() => $"{Letters(1)}{random.Next(10)}{Letters(1)} {random.Next(10)}{Letters(1)}{random.Next(10)}";
}
