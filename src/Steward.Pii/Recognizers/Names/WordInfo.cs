namespace Steward.Pii.Recognizers.Names;

/// <summary>A gazetteer word: its id for phrase matching (-1 when it is in no multi-word entry) and flags.</summary>
internal readonly record struct WordInfo(int Id, NameFlags Flags)
{
    /// <summary>A word not in the gazetteer.</summary>
    public static readonly WordInfo Unknown = new(-1, NameFlags.None);
}
