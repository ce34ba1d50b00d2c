using System.Text;
using Bogus;
using Steward.Pii.Evaluation;

namespace Steward.Pii.Tests.Recognizers.Names;

/// <summary>
/// Generates labelled samples in presidio-research's shape from templates written here and Bogus fake data of many
/// locales: names (a third of the surnames and a quarter of the towns are invented syllable words that no list
/// holds, so the rules are measured and not only the lists), single-line and multi-line addresses, organisations,
/// nationalities, lower-case and upper-case variants, and negatives. Deterministic for a seed.
/// </summary>
internal static class SyntheticNameData
{
    private static readonly string[] Locales = ["en", "en_GB", "en_US", "en_AU", "en_IND", "de", "de_AT", "fr", "nl", "es", "it", "pt_BR", "pl", "cz", "sv", "nb_NO", "fi", "tr", "hr", "sk", "ro", "en_IE", "fr_CH", "pt_PT"];

    private static readonly string[] Templates =
    [
        "My name is {person} and I need help with my account.",
        "Hi, this is {first}. Can you call me back?",
        "Please forward the invoice to {person}, she handles billing now.",
        "{person} said the shipment would arrive on Monday.",
        "I spoke with {title} {last} yesterday about the refund.",
        "Could you ask {first} to send me the report?",
        "{first} lives in {city} with two dogs.",
        "We moved to {city} last spring and love it.",
        "She was born in {city}, {country}.",
        "Ship it to {address}.",
        "My new address is {address}, please update your records.",
        "Billing address:\n{person}\n{block}",
        "{person}\n{org}\n{block}\nPhone: 555-0100",
        "The meeting is at {org} headquarters in {city}.",
        "{person} works for {org} as a senior engineer.",
        "According to {person}, the {nationality} delegation left early.",
        "{title} {last} is a 42 year old teacher who grew up in {city}.",
        "Send the documents to {title} {person} at {address}.",
        "Greetings from {country}! {first} and I are having a great time.",
        "The conference in {city} was opened by {person}, CEO of {org}.",
        "{last} scored twice before halftime, the coach told reporters.",
        "Thanks {first}, that fixed it.",
        "Dear {person},\nyour order has shipped.",
        "I am writing to complain about the service at {org}.",
        "{person} was born in {city} and studied law in {city2}.",
        "The package for {person} is waiting at {address}.",
        "Can I speak to {first} {last} please?",
        "After the election, {nationality} voters turned to the opposition.",
        "My landlord, {person}, never answers the phone.",
        "We stayed in {city} before flying to {country}.",
        "Hello, I'm {person}, from {city}.",
        "Her maiden name is {last}.",
        "Contact: {person}, {org}, {city}",
        "{first}'s car was parked outside.",
        "I have lived at {address} for ten years.",
        "The {nationality} embassy in {city} is closed today.",
        "Return address: {block}",
        "In 2019, {person} left {org} to found a startup in {city}.",
        "{person}, a {nationality} novelist, won the prize for her third book.",
        "Witnesses say {last} fled towards {city} after the match.",
        "Is this the right number for {first}? I need to reschedule.",
        "Please deliver the parcel to my neighbour {first} at {address}",
        "From: {person}\nTo: support\nSubject: refund for order 4471",
        "{title} {person} has been appointed head of research at {org}.",
        "Flights from {city} to {city2} are delayed because of the storm.",
        "we met {first} and {first2} at the airport in {city}",
        "Name: {person}\nAddress: {address}\nCountry: {country}",
        "The mayor of {city} thanked {person} for her years of service.",
        "Hey {first}! Are you still in {country}?",
        "Attn: {person}, Accounts Payable, {org}\n{block}",
        "{first} {last} ({nationality}) finished third in the final.",
        "Our office moved from {city} to {address}.",
    ];

    private static readonly string[] Negatives =
    [
        "Capitalized words like Wisdom and Discipline are often mistaken for names.",
        "The Monday meeting moved to Thursday in March.",
        "Please reset my password, the link has expired.",
        "ERROR 2026-03-01 Connection refused at Server.Start after 3 retries",
        "Our new Product Launch Plan covers Marketing, Sales and Support.",
        "Hope you have a Great Day and a Happy New Year!",
        "I would like to close my savings account by the end of the month.",
        "The Board approved the Annual Budget on Friday.",
        "Install the latest Windows update and restart the Service.",
        "Can I get a refund for order 123456?",
        "WARN Worker Pool exhausted; Queue length 512",
        "Summer Sale: Free Shipping on all Orders over 50 dollars.",
        "Where is the nearest branch open on Sunday?",
        "Thank you for your Patience and Understanding.",
    ];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "vek", "dun", "sha", "tor", "bel", "qui", "zan", "mor", "eli", "ost", "rin", "gha", "pel", "vu", "tam", "ser", "dro", "nia"];

    public static List<LabeledSample> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var fakers = Locales.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => new Faker(p.l) { Random = new Randomizer(seed * 31 + p.k) });
        var samples = new List<LabeledSample>(count);
        for (var n = 0; n < count; n++)
        {
            if (random.NextDouble() < 0.15)
            {
                samples.Add(new LabeledSample(n, Negatives[random.Next(Negatives.Length)], []));
                continue;
            }
            var faker = fakers[Locales[random.Next(Locales.Length)]];
            var sample = Fill(n, Templates[random.Next(Templates.Length)], faker, random);
            var casing = random.NextDouble();
            if (casing < 0.15) sample = sample with { Text = sample.Text.ToLowerInvariant() };
            else if (casing < 0.2) sample = sample with { Text = sample.Text.ToUpperInvariant() };
            samples.Add(sample);
        }
        return samples;
    }

    private static LabeledSample Fill(int index, string template, Faker f, Random random)
    {
        var text = new StringBuilder();
        var spans = new List<LabeledSpan>();
        var first = f.Name.FirstName();
        var last = Surname(f, random);
        var pos = 0;
        while (pos < template.Length)
        {
            var open = template.IndexOf('{', pos);
            if (open < 0) { text.Append(template, pos, template.Length - pos); break; }
            text.Append(template, pos, open - pos);
            var close = template.IndexOf('}', open);
            var key = template[(open + 1)..close];
            pos = close + 1;
            var (value, type) = key switch
            {
                "person" => ($"{first} {last}", "PERSON"),
                "first" => (first, "PERSON"),
                "first2" => (f.Name.FirstName(), "PERSON"),
                "last" => (last, "PERSON"),
                "title" => (random.Next(4) switch { 0 => "Mr.", 1 => "Mrs.", 2 => "Dr.", _ => "Ms." }, ""),
                "city" or "city2" => (Town(f, random), "LOCATION"),
                "country" => (f.Address.Country(), "LOCATION"),
                "address" => ($"{f.Address.StreetAddress()}, {Town(f, random)}", "ADDRESS"),
                "block" => (Block(f, random), "ADDRESS"),
                "org" => (f.Company.CompanyName(), "ORGANIZATION"),
                "nationality" => (random.Next(6) switch { 0 => "French", 1 => "Brazilian", 2 => "Japanese", 3 => "Kenyan", 4 => "Polish", _ => "Canadian" }, "NRP"),
                _ => throw new InvalidOperationException(key),
            };
            if (type.Length > 0) spans.Add(new LabeledSpan(type, text.Length, text.Length + value.Length));
            text.Append(value);
        }
        return new LabeledSample(index, text.ToString(), spans);
    }

    private static string Surname(Faker f, Random random) => random.NextDouble() < 0.33 ? Invented(random, 2 + random.Next(2)) : f.Name.LastName();

    private static string Town(Faker f, Random random) => random.NextDouble() < 0.25 ? Invented(random, 2 + random.Next(2)) : f.Address.City();

    private static string Invented(Random random, int syllables)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < syllables; k++) sb.Append(Syllables[random.Next(Syllables.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private static string Block(Faker f, Random random)
    {
        var street = f.Address.StreetAddress(random.Next(3) == 0);
        var town = Town(f, random);
        var code = f.Address.ZipCode();
        return random.Next(3) switch
        {
            0 => $"{street}\n{town}, {f.Address.StateAbbr()} {code}\n{f.Address.Country()}",
            1 => $"{street}\n{code} {town}\n{f.Address.Country()}",
            _ => $"{street}\n{town}\n{code}",
        };
    }
}
