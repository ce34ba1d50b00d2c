namespace Steward.Server.Monitors;

/// <summary>How a cell was written: CSV text, or a JSON string, number, boolean or null.</summary>
internal enum CellKind
{
    Text,
    JsonString,
    JsonNumber,
    JsonBool,
    JsonNull,
}
