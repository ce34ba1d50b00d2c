namespace Steward.Pii.Recognizers.Names;

/// <summary>Opens the compressed data files embedded in the assembly (src/Steward.Pii/Data).</summary>
internal static class GazetteerResources
{
    /// <summary>Opens the embedded resource <paramref name="fileName"/>.</summary>
    public static Stream Open(string fileName) =>
        typeof(GazetteerResources).Assembly.GetManifestResourceStream("Steward.Pii.Data." + fileName)
        ?? throw new InvalidOperationException($"the embedded resource Steward.Pii.Data.{fileName} is missing");
}
