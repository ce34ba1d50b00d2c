using System.Collections.Frozen;

namespace Steward.Pii.Recognizers.Patterns;

/// <summary>
/// Top-level domains, from IANA's root zone database (https://www.iana.org/domains/root/db): every country-code
/// TLD and the generic TLDs in common use. E-mail addresses and URLs with a scheme may end in any of them; a bare
/// domain (no scheme, no www.) must end in a shorter list that leaves out TLDs that double as file extensions
/// or ordinary words (md, sh, py, rs, so, name, one, life...), so "README.md" and "see.life" are not URLs.
/// </summary>
internal static class TopLevelDomains
{
    private const string CountryCodes =
        "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz " +
        "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm " +
        "fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it " +
        "je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn " +
        "mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps " +
        "pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj " +
        "tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

    private const string CommonGeneric =
        "com org net edu gov mil int info biz app dev xyz online site shop store tech cloud";

    private const string OtherGeneric =
        "name pro aero coop museum mobi asia tel travel jobs cat post page blog website news media email digital " +
        "agency company group solutions services systems network center world today life global guru studio design " +
        "photography art fun space link click help host press zone social team tools support software love best bank " +
        "insurance law legal health care clinic dental doctor academy school university education energy finance " +
        "financial capital money fund investments consulting management marketing events international icu vip win " +
        "work works one ltd llc london berlin paris nyc tokyo top club live";

    private const string FileLike = "md sh py rs so ps pm mk ml cs pl gz tk mo am sc";

    private static readonly FrozenSet<string> All =
        $"{CountryCodes} {CommonGeneric} {OtherGeneric}".Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Bare =
        $"{CountryCodes} {CommonGeneric}".Split(' ').Except(FileLike.Split(' ')).ToFrozenSet(StringComparer.Ordinal);

    // The span look-ups, made once (getting one checks the comparer: a cost per call on every e-mail address).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllBySpan = All.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BareBySpan = Bare.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="tld"/> (any case) is a top-level domain.</summary>
    public static bool IsKnown(ReadOnlySpan<char> tld) => tld.Length >= 2 && AllBySpan.Contains(tld);

    /// <summary>True when <paramref name="tld"/> (lower case) may end a domain written without scheme or www.</summary>
    public static bool IsBareDomainEnd(ReadOnlySpan<char> tld) => tld.Length >= 2 && BareBySpan.Contains(tld);
}
