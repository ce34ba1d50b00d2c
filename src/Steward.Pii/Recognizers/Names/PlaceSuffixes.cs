namespace Steward.Pii.Recognizers.Names;

/// <summary>
/// Lower-case words that end Italian and other place names after a capitalised word ("Sesto Agata terme", "Matilde
/// del friuli", "Borgo Gemma nell'emilia", "Vila Franca de Xira").
/// </summary>
internal static class PlaceSuffixes
{
    private static readonly WordSet Words = new(
        "terme sardo salentino ligure veneto calabro umbro lido laziale lucano emilia nell'emilia friuli marche mare " +
        "marina scalo superiore inferiore alto alta basso bassa vecchio nuovo centro");

    private static readonly WordSet Links = new("del della di de a nell' sul");

    /// <summary>The last token of a place ending at <paramref name="last"/>, extended over such words.</summary>
    public static int Extend(NameScan s, int last)
    {
        var e = last;
        for (var n = 0; n < 2 && e + 1 < s.Count && s.SpaceBefore(e + 1) && !s.Claimed[e + 1]; n++)
        {
            if (Words.Contains(s.Word(e + 1))) { e++; continue; }
            if (Links.Contains(s.Word(e + 1)) && e + 2 < s.Count && s.SpaceBefore(e + 2) && Words.Contains(s.Word(e + 2))) { e += 2; continue; }
            break;
        }
        return e;
    }
}
