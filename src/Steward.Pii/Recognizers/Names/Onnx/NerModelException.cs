namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// The configured NER model folder cannot be used: a file is missing or unreadable, the ONNX model is corrupt or
/// does not have the inputs and outputs of a token-classification model, or its labels name no known entity type.
/// Thrown when the recognizers are created (at start-up), never while analysing.
/// </summary>
public sealed class NerModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NerModelException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public NerModelException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public NerModelException() : base("The NER model cannot be used.") { }
}
