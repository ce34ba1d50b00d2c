using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// The ONNX Runtime session of a token-classification model. Its input names and integer types are read from the
/// model (<c>input_ids</c>, <c>attention_mask</c>, and <c>token_type_ids</c> when the model has it); the output is
/// <c>logits</c> (or the model's only output) shaped <c>[batch, sequence, labels]</c>. <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/>
/// is thread-safe, so one session serves every request.
/// </summary>
internal sealed class NerSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly NerInputKind[] _inputKinds;
    private readonly bool[] _inputIsInt32;
    private readonly string[] _outputNames;
    private readonly int _labelCount;

    private NerSession(InferenceSession session, string[] inputNames, NerInputKind[] kinds, bool[] int32, string output, int labelCount)
    {
        _session = session;
        _inputNames = inputNames;
        _inputKinds = kinds;
        _inputIsInt32 = int32;
        _outputNames = [output];
        _labelCount = labelCount;
    }

    /// <summary>The inputs the model takes, for diagnostics.</summary>
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <summary>Opens <paramref name="modelPath"/>; throws <see cref="NerModelException"/> when it is not a usable token-classification model.</summary>
    public static NerSession Open(string modelPath, int labelCount)
    {
        if (!File.Exists(modelPath)) throw new NerModelException($"The NER model folder {Path.GetDirectoryName(modelPath)} has no model.onnx.");
        InferenceSession session;
        try
        {
            using var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new NerModelException($"{modelPath} is not a model ONNX Runtime can load: {e.Message}", e);
        }
        try
        {
            return Describe(session, modelPath, labelCount);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static NerSession Describe(InferenceSession session, string modelPath, int labelCount)
    {
        var names = new List<string>();
        var kinds = new List<NerInputKind>();
        var int32 = new List<bool>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            var kind = name.Contains("input_ids", StringComparison.OrdinalIgnoreCase) ? NerInputKind.Ids
                : name.Contains("attention_mask", StringComparison.OrdinalIgnoreCase) ? NerInputKind.Mask
                : name.Contains("token_type_ids", StringComparison.OrdinalIgnoreCase) ? NerInputKind.TokenTypes
                : throw new NerModelException($"{modelPath} has an input '{name}' that a token-classification model does not have (expected input_ids, attention_mask, token_type_ids).");
            if (!meta.IsTensor || meta.ElementDataType is not (TensorElementType.Int64 or TensorElementType.Int32))
            {
                throw new NerModelException($"{modelPath}: input '{name}' is not an int64 or int32 tensor.");
            }
            names.Add(name);
            kinds.Add(kind);
            int32.Add(meta.ElementDataType == TensorElementType.Int32);
        }
        if (!kinds.Contains(NerInputKind.Ids)) throw new NerModelException($"{modelPath} has no input_ids input.");

        var output = session.OutputMetadata.ContainsKey("logits") ? "logits" : session.OutputMetadata.Keys.First();
        var outMeta = session.OutputMetadata[output];
        if (!outMeta.IsTensor || outMeta.ElementDataType != TensorElementType.Float || outMeta.Dimensions.Length != 3)
        {
            throw new NerModelException($"{modelPath}: output '{output}' is not a float tensor [batch, sequence, labels].");
        }
        var declared = outMeta.Dimensions[2];
        if (declared > 0 && declared != labelCount)
        {
            throw new NerModelException($"{modelPath} outputs {declared} labels but config.json's id2label has {labelCount}.");
        }
        return new NerSession(session, [.. names], [.. kinds], [.. int32], output, labelCount);
    }

    /// <summary>
    /// Runs <paramref name="windows"/> (token ids, each already opened and closed by the special tokens) as one batch
    /// padded to the longest, and returns the label probabilities, <c>[window, position, label]</c> flattened with
    /// <paramref name="sequence"/> positions per window.
    /// </summary>
    public float[] Run(IReadOnlyList<int[]> windows, int padId, out int sequence)
    {
        var batch = windows.Count;
        sequence = windows.Max(w => w.Length);
        var shape = new long[] { batch, sequence };
        var values = new OrtValue[_inputNames.Length];
        try
        {
            for (var i = 0; i < values.Length; i++) values[i] = CreateInput(_inputKinds[i], _inputIsInt32[i], windows, sequence, padId, shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, _inputNames, values, _outputNames);
            var result = outputs[0];
            var outShape = result.GetTensorTypeAndShape().Shape;
            if (outShape.Length != 3 || outShape[0] != batch || outShape[1] != sequence || outShape[2] != _labelCount)
            {
                throw new NerModelException($"The NER model returned logits shaped [{string.Join(", ", outShape)}]; expected [{batch}, {sequence}, {_labelCount}].");
            }
            var probabilities = result.GetTensorDataAsSpan<float>().ToArray();
            for (var offset = 0; offset < probabilities.Length; offset += _labelCount) Softmax(probabilities.AsSpan(offset, _labelCount));
            return probabilities;
        }
        finally
        {
            foreach (var value in values) value?.Dispose();
        }
    }

    private static OrtValue CreateInput(NerInputKind kind, bool int32, IReadOnlyList<int[]> windows, int sequence, int padId, long[] shape)
    {
        var data = new long[windows.Count * sequence];
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var row = data.AsSpan(w * sequence, sequence);
            switch (kind)
            {
                case NerInputKind.Ids:
                    row.Fill(padId);
                    for (var i = 0; i < window.Length; i++) row[i] = window[i];
                    break;
                case NerInputKind.Mask:
                    row[..window.Length].Fill(1);
                    break;
                case NerInputKind.TokenTypes:
                    break; // one segment: all zero
            }
        }
        return int32
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
            : OrtValue.CreateTensorValueFromMemory(data, shape);
    }

    private static void Softmax(Span<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++) sum += logits[i] = MathF.Exp(logits[i] - max);
        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose() => _session.Dispose();
}
