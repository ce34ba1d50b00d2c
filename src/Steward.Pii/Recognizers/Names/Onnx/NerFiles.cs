using System.Text.Json;

namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>Reads the files of a model folder, turning every failure into a <see cref="NerModelException"/> naming the file.</summary>
internal static class NerFiles
{
    /// <summary>Parses <paramref name="name"/> in <paramref name="directory"/>; null when it is absent and not required.</summary>
    public static JsonDocument? ReadJson(string directory, string name, bool required)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            return required ? throw new NerModelException($"The NER model folder {directory} has no {name}.") : null;
        }
        try
        {
            var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new NerModelException($"{path} is not a JSON object.");
            }
            return document;
        }
        catch (JsonException e)
        {
            throw new NerModelException($"{path} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new NerModelException($"{path} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NerModelException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
