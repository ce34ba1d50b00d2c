namespace Steward.Pii.Recognizers.Names;

/// <summary>A gazetteer word: its id (for phrase matching) and flags.</summary>
internal readonly record struct WordInfo(int Id, NameFlags Flags)
{
    /// <summary>A word not in the gazetteer.</summary>
    public static readonly WordInfo Unknown = new(-1, NameFlags.None);
}
