using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

// The compiled forms of terms and literals (see Evaluator.CompiledTerms and Evaluator.CompiledLiterals): two
// delegate types used only together, so they share this file.

/// <summary>
/// A term compiled to a delegate with the contract of the interpreter's single-value evaluation: false when the
/// term may produce several values (the caller then enumerates with the interpreter); otherwise
/// <paramref name="value"/> is the one value, or null for undefined.
/// </summary>
internal delegate bool SingleFn(Evaluator evaluator, Value?[] frame, out Value? value);

/// <summary>A body literal compiled to a delegate with the contract of the interpreter's inline step.</summary>
internal delegate Evaluator.Inline LiteralFn(Evaluator evaluator, Value?[] frame);
