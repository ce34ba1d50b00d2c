using System.Globalization;
using System.Text.Json;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// What <c>config.json</c> (and <c>tokenizer_config.json</c>, when present) of a Hugging Face export says:
/// the labels, the longest input the model takes and the model family.
/// </summary>
internal sealed record NerModelConfig(NerLabelSet Labels, int MaxLength, string ModelType)
{
    /// <summary>The longest window used even when a model allows more (BERT-style models are trained on 512).</summary>
    public const int MaxWindow = 512;

    /// <summary>Reads the folder's configuration; throws <see cref="NerModelException"/> with the reason.</summary>
    public static NerModelConfig Load(string directory)
    {
        using var config = NerFiles.ReadJson(directory, "config.json", required: true)!;
        var root = config.RootElement;
        if (!root.TryGetProperty("id2label", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            throw new NerModelException($"{Path.Combine(directory, "config.json")} has no id2label object: it is not a token-classification model's configuration.");
        }
        var id2label = new Dictionary<int, string>();
        foreach (var entry in map.EnumerateObject())
        {
            if (!int.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || entry.Value.ValueKind != JsonValueKind.String)
            {
                throw new NerModelException($"config.json's id2label entry \"{entry.Name}\" is not a numeric id with a text label.");
            }
            if (!id2label.TryAdd(id, entry.Value.GetString()!)) throw new NerModelException($"config.json's id2label repeats id {id}.");
        }
        var labels = NerLabelSet.Create(id2label);
        var modelType = root.TryGetProperty("model_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "bert";

        var maxLength = MaxWindow;
        if (root.TryGetProperty("max_position_embeddings", out var positions) && positions.TryGetInt32(out var p) && p > 0)
        {
            // RoBERTa-style models reserve two positions for padding offsets (514 positions, 512 tokens).
            maxLength = Math.Min(maxLength, modelType.Contains("roberta", StringComparison.OrdinalIgnoreCase) ? p - 2 : p);
        }
        using var tokenizerConfig = NerFiles.ReadJson(directory, "tokenizer_config.json", required: false);
        if (tokenizerConfig is not null && tokenizerConfig.RootElement.TryGetProperty("model_max_length", out var mml)
            && mml.TryGetInt64(out var m) && m > 0 && m < maxLength)
        {
            maxLength = (int)m;
        }
        if (maxLength < 8) throw new NerModelException($"config.json allows only {maxLength} tokens per input; at least 8 are needed.");
        return new NerModelConfig(labels, maxLength, modelType);
    }
}
