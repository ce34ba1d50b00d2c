namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// PHONE_NUMBER: candidates read by <see cref="PhoneScanner"/> are judged on their written shape (leading + or
/// 00, parentheses, extension, the separators and group lengths of the world's numbering styles, 7 to 15
/// digits) and, where the shape alone is not convincing, on libphonenumber's numbering plans for
/// <see cref="PiiEngineOptions.PhoneRegions"/> and context words. Dates, IPv4 addresses, versions, SSNs, card
/// numbers, ZIP+4 codes, year ranges and order or ticket numbers are not phone numbers.
/// </summary>
internal sealed class PhoneNumberRecognizer(PhoneNumberValidator validator)
    : Recognizer("PhoneRecognizer", [PiiEntities.PhoneNumber],
        ["phone", "number", "telephone", "cell", "cellphone", "mobile", "call", "tel", "fax", "office", "contact", "reach", "dial", "whatsapp", "sms"])
{
    private static readonly string[] Gate = ["phone", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax", "office", "contact", "reach", "dial", "whatsapp", "sms", "text", "ph", "mob", "landline", "hotline", "number", "ring", "reached", "phoned", "called"];
    private static readonly string[] NotPhone = ["order", "invoice", "ticket", "ref", "reference", "case", "tracking", "serial", "sku", "isbn", "version", "po", "transaction", "id", "build", "release", "v", "zip", "postcode"];
    private static readonly string[] OtherIdentifier = ["license", "licence", "passport", "ssn", "social", "iban", "card", "account", "acct", "routing", "nhs", "insurance", "itin", "taxpayer"];

    /// <summary>Reports only at digit runs.</summary>
    private protected override TextNeeds Requires => TextNeeds.Digit;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context, ResultSink sink)
    {
        if (!sink.Wants(PiiEntities.PhoneNumber)) return;
        var index = NumberIndex.Of(context);
        var text = context.Text;
        var shape = t_shape ??= new PhoneShape(); // PhoneScanner.Read sets every field
        var lastEnd = -1;
        for (var r = 0; r < index.Count; r++)
        {
            var s = index.Starts[r];
            if (s < lastEnd) continue;
            // Inside a longer number, or a short number standing alone: not the start of a phone number.
            var around = index.Shapes[r];
            if ((around & RunShape.ContinuesLeft) != 0) continue;
            if (index.Ends[r] - s < 7 && (around & (RunShape.JoinsRight | RunShape.Bracketed)) == 0 && !Joins(text, index.Ends[r])) continue;
            if (!PhoneScanner.Read(text, s, shape))
            {
                lastEnd = Math.Max(shape.NumberEnd, index.Ends[r]);
                continue;
            }
            var verdict = Judge(text, shape, out var score, out var rule);
            if (verdict == Verdict.Retry)
            {
                lastEnd = RetryFrom(text, shape);
                r = index.FirstAtOrAfter(lastEnd) - 1;
                continue;
            }
            lastEnd = shape.End;
            if (verdict == Verdict.Phone)
            {
                sink.Add(this, PiiEntities.PhoneNumber, shape.Start, shape.End, score, rule, "digit groups, separators, +/00, (), extension; libphonenumber", null,
                    sink.Explains ? ExplanationText.Of("Identified as PHONE_NUMBER: {0}", rule) : null);
            }
        }
    }

    [ThreadStatic]
    private static PhoneShape? t_shape;

    /// <summary>True when a separator after a digit group leads on to more of the number.</summary>
    private static bool Joins(string text, int end)
    {
        var next = TextAround.At(text, end);
        if (next == ')') return true;
        if (next is not (' ' or '-' or '.' or '/' or '(')) return false;
        var then = TextAround.At(text, end + 1);
        return char.IsAsciiDigit(then) || then == '(';
    }

    private enum Verdict { None, Phone, Retry }

    private Verdict Judge(string text, PhoneShape p, out double score, out string rule)
    {
        score = 0;
        rule = "";
        var groups = p.Groups;
        int first = p.GroupLengths[0], last = p.GroupLengths[groups - 1];
        var dialOut = !p.International && groups >= 2 && first is >= 2 and <= 5 && text[p.GroupStarts[0]] == '0' && text[p.GroupStarts[0] + 1] == '0';
        var international = p.International || dialOut;
        // "0425/243 726": an area code and a slash, then the number in spaced groups.
        var slashThenSpaces = p.Slashes && p.Spaces && !p.Hyphens && !p.Dots && !international && !p.Parentheses && SlashThenSpaces(text, p);
        // "415 330-1318" (spaces, then hyphens) is one number; "2017-03-29 14" or "555-1234 5678" are not.
        if (p.Spaces && (p.Dots || p.Slashes || p.SpaceAfterOther) && !international && !p.Parentheses && !slashThenSpaces) return Verdict.Retry;
        if (p.Spaces && p.Hyphens && !international && !p.Parentheses && (first == 4 || p.Digits is < 10 or > 11)) return Verdict.Retry;
        if (p.Digits < 7 || p.Digits > (dialOut ? 17 : 15)) return Verdict.None;
        var after = TextAround.At(text, p.End);
        if (after == ':' || (after is '-' or '.' or '/' or ',' && char.IsAsciiDigit(TextAround.At(text, p.End + 1)))) return Verdict.None;
        if (!international && !p.Parentheses)
        {
            if (LooksLikeDate(text, p) || LooksLikeOtherNumber(text, p)) return Verdict.None;
            if (TextAround.HasContextBefore(text, p.Start, NotPhone, 2) || TextAround.At(text, p.Start - 1) == '#') return Verdict.None;
            if (TextAround.HasContextBefore(text, p.Start, OtherIdentifier, 4)) return Verdict.None;
        }
        var hasContext = TextAround.HasContextBefore(text, p.Start, Gate, 6);
        if (slashThenSpaces)
        {
            (score, rule) = (0.5, "area code and a slash, then spaced groups");
            return Verdict.Phone;
        }
        // "00420 632 ...": a first group longer than "00" plus a one-digit code must be 00 and a country calling code.
        if (dialOut && first > 3 && !NumberingPlans.Shared.IsCountryCode(text.AsSpan(p.GroupStarts[0] + 2, first - 2))) return Verdict.None;
        if (international || p.Parentheses || p.Extension)
        {
            var region = groups == 1 || p.International ? validator.ValidRegion(text.AsSpan(p.Start, p.NumberEnd - p.Start), p.International) : null;
            if (groups == 1 && region is null && !hasContext) return Verdict.None;
            (score, rule) = region is null ? (0.7, "international, parenthesised or extension form") : (0.85, ExplanationText.Of("valid {0} number", region));
            return Verdict.Phone;
        }
        if ((p.Hyphens || p.Dots) && groups >= 3 && !p.GroupLengths.AsSpan(0, groups).ContainsAnyExceptInRange(2, 5))
        {
            (score, rule) = (0.6, "grouped with hyphens or dots");
            return Verdict.Phone;
        }
        if (groups == 4 && first == 1 && text[p.GroupStarts[0]] == '1' && p.SoleSeparator is '-' or '.' or ' ' && p.GroupLengths[1] == 3 && p.GroupLengths[2] == 3 && last == 4)
        {
            (score, rule) = (0.6, "North American number with its trunk prefix 1");
            return Verdict.Phone;
        }
        if (groups == 1 && text[p.Start] == '0' && p.Digits is >= 9 and <= 12 && text[p.Start + 1] != '0')
        {
            var national = validator.ValidRegion(text.AsSpan(p.Start, p.NumberEnd - p.Start), false);
            if (national is not null)
            {
                (score, rule) = (hasContext ? 0.5 : 0.4, ExplanationText.Of("valid {0} number with its trunk prefix 0", national));
                return Verdict.Phone;
            }
        }
        if (p.SoleSeparator == '-' && groups == 2)
        {
            if (text[p.GroupStarts[0]] == '0' && first is >= 2 and <= 5 && last is >= 4 and <= 8)
            {
                (score, rule) = (0.5, "area code and number joined by a hyphen");
                return Verdict.Phone;
            }
            if ((first == 3 && last == 4) || hasContext)
            {
                (score, rule) = (0.4, "local number");
                return Verdict.Phone;
            }
        }
        if (p.Spaces && p.Hyphens)
        {
            (score, rule) = (0.5, "area code and number (spaces, then hyphens)");
            return Verdict.Phone;
        }
        if (p.Spaces && !p.Slashes && SpacedShape(text, p))
        {
            (score, rule) = (0.5, "grouped with spaces");
            return Verdict.Phone;
        }
        if (p.Slashes && groups == 2 && text[p.GroupStarts[0]] == '0' && first is >= 2 and <= 5 && last >= 4)
        {
            (score, rule) = (0.5, "area code and number joined by a slash");
            return Verdict.Phone;
        }
        // Compact numbers and unusual groupings: only a numbering plan together with context words.
        if (!hasContext) return Verdict.None;
        var valid = validator.ValidRegion(text.AsSpan(p.Start, p.NumberEnd - p.Start), false);
        if (valid is null) return Verdict.None;
        (score, rule) = (0.5, ExplanationText.Of("valid {0} number after a context word", valid));
        return Verdict.Phone;
    }

    private static bool SpacedShape(string text, PhoneShape p)
    {
        var lengths = p.GroupLengths.AsSpan(0, p.Groups);
        if (lengths.ContainsAnyExceptInRange(1, 8)) return false;
        if (text[p.GroupStarts[0]] == '0' && p.Digits >= 8) return true;
        if (lengths.ContainsAnyExceptInRange(2, 4)) return false;
        if (!lengths.ContainsAnyExcept(2)) return false; // "12 15 18 20": a list of small numbers
        if (!lengths.ContainsAnyExcept(4) && AllYears(text, p)) return false; // "2015 2016 2017"
        return p.Groups >= 4 || (p.Groups == 3 && lengths[2] >= 3);
    }

    /// <summary>"633/496 125", "0413/834 854", "540/77 58 53": one slash after a group of three or four, 8 to 11 digits.</summary>
    private static bool SlashThenSpaces(string text, PhoneShape p)
    {
        if (p.Groups < 3 || p.GroupLengths[0] is < 3 or > 4 || p.Digits is < 8 or > 11) return false;
        if (text[p.GroupStarts[1] - 1] != '/') return false;
        if (p.GroupLengths[0] == 4 && p.GroupLengths[1] <= 2 && DateShapes.Value(text.AsSpan(p.GroupStarts[0], 4)) is >= 1900 and <= 2099) return false; // "2020/11 03
        for (var k = 2; k < p.Groups; k++) if (text[p.GroupStarts[k] - 1] != ' ' || p.GroupLengths[k] is < 2 or > 4) return false;
        return p.GroupLengths[1] is >= 2 and <= 4;
    }

    private static bool AllYears(string text, PhoneShape p)
    {
        for (var k = 0; k < p.Groups; k++)
        {
            if (DateShapes.Value(text.AsSpan(p.GroupStarts[k], p.GroupLengths[k])) is < 1900 or > 2099) return false;
        }
        return true;
    }

    private static bool LooksLikeDate(string text, PhoneShape p)
    {
        if (p.Groups != 3 || p.SoleSeparator is not ('-' or '/' or '.')) return false;
        int a = DateShapes.Value(text.AsSpan(p.GroupStarts[0], p.GroupLengths[0])), b = DateShapes.Value(text.AsSpan(p.GroupStarts[1], p.GroupLengths[1]));
        var c = DateShapes.Value(text.AsSpan(p.GroupStarts[2], p.GroupLengths[2]));
        if (p.GroupLengths[0] == 4) return DateShapes.IsDay(b, c) && p.GroupLengths[1] <= 2 && p.GroupLengths[2] <= 2;
        return p.GroupLengths[0] <= 2 && p.GroupLengths[1] <= 2 && p.GroupLengths[2] is 2 or 4 && (DateShapes.IsDay(a, b) || DateShapes.IsDay(b, a));
    }

    private static bool LooksLikeOtherNumber(string text, PhoneShape p)
    {
        var lengths = p.GroupLengths.AsSpan(0, p.Groups);
        var sole = p.SoleSeparator;
        if (sole == '.' && p.Groups == 4 && !lengths.ContainsAnyExceptInRange(1, 3)) return true; // IPv4
        if (p.Dots && lengths.Contains(1)) return true; // versions
        if (sole == '.' && p.Groups >= 3 && !lengths[1..].ContainsAnyExcept(3) && (lengths[0] <= 2 || TextAround.At(text, p.End) == ',')) return true; // 12.345.678
        if (p.Groups == 3 && lengths[0] == 3 && lengths[1] == 2 && lengths[2] == 4) return true; // SSN
        if (p.Groups == 2 && lengths[0] == 5 && lengths[1] == 4 && sole == '-') return true; // ZIP+4
        if (p.Groups == 2 && lengths[0] == 4 && lengths[1] == 4)
        {
            int y1 = DateShapes.Value(text.AsSpan(p.GroupStarts[0], 4)), y2 = DateShapes.Value(text.AsSpan(p.GroupStarts[1], 4));
            if (y1 is >= 1900 and <= 2099 && y2 is >= 1900 and <= 2099) return true; // year range
        }
        if (p.Digits >= 13 && p.Groups >= 3 && lengths[0] == 4 && !lengths[..^1].ContainsAnyExcept(4)) return true; // card-like
        if (p.Digits >= 12)
        {
            Span<char> digits = stackalloc char[p.Digits];
            var n = 0;
            foreach (var ch in text.AsSpan(p.Start, p.NumberEnd - p.Start)) if (char.IsAsciiDigit(ch)) digits[n++] = ch;
            if (p.Digits <= 19 && CreditCardRecognizer.IssuerFits(digits) && Checksums.Luhn(digits)) return true;
        }
        return false;
    }

    /// <summary>Where to look again after a candidate mixing spaces with other separators: the last group after a space.</summary>
    private static int RetryFrom(string text, PhoneShape p)
    {
        for (var k = p.Groups - 1; k > 0; k--)
        {
            if (text[p.GroupStarts[k] - 1] == ' ') return p.GroupStarts[k];
        }
        return p.NumberEnd;
    }
}
