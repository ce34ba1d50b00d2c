using System.Collections.Concurrent;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// One loaded model per folder per process: registries created again (per test, per host) share the same
/// ONNX Runtime session. A folder that failed to load is tried again on the next request for it.
/// </summary>
internal static class NerModelCache
{
    private static readonly ConcurrentDictionary<string, Lazy<NerModel>> s_models = new(StringComparer.Ordinal);

    /// <summary>The model in <paramref name="directory"/>, loaded on first use; throws <see cref="NerModelException"/>.</summary>
    public static NerModel Get(string directory)
    {
        var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var lazy = s_models.GetOrAdd(key, static k => new Lazy<NerModel>(() => NerModel.Load(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_models.TryRemove(new KeyValuePair<string, Lazy<NerModel>>(key, lazy));
            throw;
        }
    }
}
