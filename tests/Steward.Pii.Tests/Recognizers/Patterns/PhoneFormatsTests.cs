namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>
/// Phone numbers generated from many national writing styles (the kinds Faker-style generators emit) inside
/// ordinary sentences: recall and precision over a seeded sample, not single hand-picked strings.
/// </summary>
public sealed class PhoneFormatsTests
{
    private static readonly string[] Formats =
    [
        "###-###-####", "(###)###-####", "###.###.####", "+1-###-###-####", "001-###-###-####", "###-###-####x###", "###.###.####x#####",
        "+44(0)## #### ####", "+44(0)#### ######", "0#### ######", "(0####) ######", "0### ### ####", "+44 #### ######",
        "+49(0)#####-#####", "0#### #####", "(0####) #####", "+49 #### ########", "+33 (0)# ## ## ## ##", "0# ## ## ## ##",
        "+33 # ## ## ## ##", "0#.##.##.##.##", "+39 ### ## ## ###", "0## #######", "+31(0)#-########", "0##-#######",
        "+34 ### ### ###", "(0#) #### ####", "+61 # #### ####", "04## ### ###", "+45 ## ## ## ##", "+48 ## ### ## ##",
        "+420 ### ### ###", "+7 ### ###-##-##", "+91 ##### #####", "+972-#-###-####", "(##) ####-####", "+55 ## #####-####",
        "0## ### ## ##", "+41 ## ### ## ##", "+353 ## ### ####", "(##) ###-###", "0##-###-###", "## ### ### ####", "## ### ## ##",
    ];

    private static readonly string[] Sentences =
    [
        "Call me at {0} tomorrow.", "My phone number is {0}", "You can reach our office on {0}.", "Phone: {0}", "Tel. {0} (ask for Anna)",
        "Please contact {0} if you need help.", "his mobile is {0} and he answers after six", "{0} is my number", "Fax {0}",
        "Contact details: Maria Lopez, {0}, maria@example.com", "For billing questions dial {0}.", "Send a text to {0}",
    ];

    [Fact]
    public void GeneratedNumbers_AreFoundWithTheirWholeSpan()
    {
        var random = new Random(20261202);
        int found = 0, total = 0, spurious = 0;
        var misses = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var phone = new string([.. Formats[random.Next(Formats.Length)].Select(c => c == '#' ? (char)('0' + random.Next(10)) : c)]);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences[random.Next(Sentences.Length)], phone);
            var start = text.IndexOf(phone, StringComparison.Ordinal);
            var results = PatternKit.Engine.Analyze(text).Where(r => r.EntityType == PiiEntities.PhoneNumber).ToList();
            total++;
            if (results.Any(r => r.Start == start && r.End == start + phone.Length)) found++;
            else misses.Add(text);
            spurious += results.Count(r => r.Start != start || r.End != start + phone.Length);
        }
        Assert.True(found >= total * 0.95, $"found {found} of {total}; first misses: {string.Join(" | ", misses.Take(5))}");
        Assert.True(spurious <= total * 0.02, $"{spurious} results that are not the phone number");
    }
}
