namespace Steward.Pii.Scanning;

/// <summary>
/// Something in the input that could not be read as expected, with its position: <c>invalid_utf8</c>,
/// <c>binary</c>, <c>row_too_long</c>, <c>invalid_json</c>, <c>field_count</c>, <c>analysis_failed</c>,
/// <c>unreadable</c>. Problems never quote the input.
/// </summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Row">The 1-based data row (0 when not tied to a row).</param>
/// <param name="ByteOffset">The byte offset in the file where the problem starts (-1 when unknown).</param>
/// <param name="Message">What happened and what the scan did about it.</param>
public sealed record ScanProblem(string Kind, long Row, long ByteOffset, string Message);
