namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>Turns the words of a text into the model's sub-word token ids, each mapped back to characters of the original text.</summary>
internal abstract class SubwordEncoder
{
    /// <summary>The id of the token that opens every input (<c>[CLS]</c>, <c>&lt;s&gt;</c>).</summary>
    public abstract int StartId { get; }

    /// <summary>The id of the token that closes every input (<c>[SEP]</c>, <c>&lt;/s&gt;</c>).</summary>
    public abstract int EndId { get; }

    /// <summary>The id used for padding.</summary>
    public abstract int PadId { get; }

    /// <summary>A short description for logs and errors (tokenizer kind and source file).</summary>
    public abstract string Description { get; }

    /// <summary>Appends the tokens of <paramref name="word"/> (word number <paramref name="index"/>) of <paramref name="text"/> to <paramref name="pieces"/>.</summary>
    public abstract void Encode(string text, NerWord word, int index, List<SubwordPiece> pieces);
}
