using System.Text.RegularExpressions;

namespace Steward.Pii;

/// <summary>
/// A request's options compiled once for many short texts (<see cref="AnalyzerEngine.PrepareCells"/>): a dataset
/// scan analyses tens of millions of cells with a handful of option sets, one per column.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Recognizers">The recognizers to run, ad-hoc ones included, filtered by the requested entities.</param>
/// <param name="Wanted">The requested entity types, or null for all.</param>
/// <param name="Allow">The allow list as one pattern (regex matching), or null.</param>
internal sealed record CellAnalysis(AnalyzeOptions Options, Recognizer[] Recognizers, HashSet<string>? Wanted, Regex? Allow);
