namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// A loaded token-classification model: configuration, tokenizer and ONNX Runtime session. Immutable after
/// loading and safe to share between threads. <see cref="Load"/> checks everything, including one inference, so a
/// broken folder fails at start-up rather than at the first request.
/// </summary>
internal sealed class NerModel : IDisposable
{
    /// <summary>Windows sent to the runtime in one call.</summary>
    public const int BatchSize = 8;

    private readonly NerSession _session;

    private NerModel(string directory, NerModelConfig config, SubwordEncoder encoder, NerSession session)
    {
        Directory = directory;
        Config = config;
        Encoder = encoder;
        _session = session;
    }

    /// <summary>The model folder.</summary>
    public string Directory { get; }

    /// <summary>What config.json says.</summary>
    public NerModelConfig Config { get; }

    /// <summary>The tokenizer.</summary>
    public SubwordEncoder Encoder { get; }

    /// <summary>The model inputs the session feeds, in the model's order.</summary>
    public IReadOnlyList<string> SessionInputs => _session.InputNames;

    /// <summary>Tokens per window between the opening and closing special tokens.</summary>
    public int Capacity => Config.MaxLength - 2;

    /// <summary>Loads and checks the model in <paramref name="directory"/>; throws <see cref="NerModelException"/> saying what is wrong.</summary>
    public static NerModel Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new NerModelException($"The NER model folder {directory} does not exist.");
        var config = NerModelConfig.Load(directory);
        var encoder = NerTokenizerLoader.Create(directory);
        var session = NerSession.Open(Path.Combine(directory, "model.onnx"), config.Labels.Count);
        var model = new NerModel(directory, config, encoder, session);
        try
        {
            model.Predict("Steward checks that the model answers.", NerAggregation.First);
            return model;
        }
        catch (Exception e) when (e is not NerModelException)
        {
            model.Dispose();
            throw new NerModelException($"The NER model in {directory} failed its first inference: {e.Message}", e);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The entities the model finds in <paramref name="text"/>, with offsets in <paramref name="text"/>.</summary>
    public List<NerSpan> Predict(string text, NerAggregation aggregation)
    {
        var words = new List<NerWord>();
        NerTextSplitter.Split(text, words);
        var pieces = new List<SubwordPiece>(words.Count + (words.Count >> 1));
        for (var i = 0; i < words.Count; i++) Encoder.Encode(text, words[i], i, pieces);
        if (pieces.Count == 0) return [];
        var (labels, probabilities) = Infer(pieces);
        return NerAggregator.Aggregate(Config.Labels, words, pieces, labels, probabilities, aggregation);
    }

    /// <summary>
    /// Each token's most probable label and its probability (the aggregation needs no more, so a long text costs
    /// 8 bytes per token here rather than 4 per label).
    /// </summary>
    private (int[] Labels, float[] Probabilities) Infer(List<SubwordPiece> pieces)
    {
        var labelCount = Config.Labels.Count;
        var count = pieces.Count;
        var labels = new int[count];
        var scores = new float[count];
        var bestMargin = new int[count];
        Array.Fill(bestMargin, -1);
        var windows = NerWindows.Plan(count, Capacity);
        for (var first = 0; first < windows.Count; first += BatchSize)
        {
            var batch = windows.GetRange(first, Math.Min(BatchSize, windows.Count - first));
            var inputs = batch.Select(w => Ids(pieces, w)).ToList();
            var probabilities = _session.Run(inputs, Encoder.PadId, out var sequence);
            for (var b = 0; b < batch.Count; b++)
            {
                var window = batch[b];
                for (var i = window.Start; i < window.End; i++)
                {
                    var margin = NerWindows.Margin(i, window, count);
                    if (margin <= bestMargin[i]) continue;
                    bestMargin[i] = margin;
                    var position = (b * sequence) + 1 + (i - window.Start); // +1: the opening special token
                    var row = probabilities.AsSpan(position * labelCount, labelCount);
                    var best = 0;
                    for (var l = 1; l < row.Length; l++) if (row[l] > row[best]) best = l;
                    labels[i] = best;
                    scores[i] = row[best];
                }
            }
        }
        return (labels, scores);
    }

    private int[] Ids(List<SubwordPiece> pieces, (int Start, int End) window)
    {
        var ids = new int[window.End - window.Start + 2];
        ids[0] = Encoder.StartId;
        for (var i = window.Start; i < window.End; i++) ids[i - window.Start + 1] = pieces[i].Id;
        ids[^1] = Encoder.EndId;
        return ids;
    }

    /// <summary>Releases the session.</summary>
    public void Dispose() => _session.Dispose();
}
