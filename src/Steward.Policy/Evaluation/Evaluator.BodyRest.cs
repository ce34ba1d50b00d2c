using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private BodyRest?[] _bodyRests = [];
    private int _bodyRestTop;

    /// <summary>
    /// The continuation "evaluate the rest of the body from literal <c>index</c>", taken from a stack of reusable
    /// instances instead of a closure per literal and evaluation. Evaluation is synchronous and a continuation
    /// is only called while the literal that received it is being evaluated, so instances are rented and
    /// returned in strict nesting order (<see cref="ReturnBodyRest"/> in a <c>finally</c> of the renting method).
    /// </summary>
    private BodyRest RentBodyRest(CLiteral[] body, int index, Value?[] frame, Func<bool> k)
    {
        if (_bodyRestTop == _bodyRests.Length)
        {
            Array.Resize(ref _bodyRests, Math.Max(8, _bodyRests.Length * 2));
        }

        var rest = _bodyRests[_bodyRestTop++] ??= new BodyRest(this);
        rest.Body = body;
        rest.Index = index;
        rest.Frame = frame;
        rest.K = k;
        return rest;
    }

    private void ReturnBodyRest(BodyRest rest)
    {
        rest.Body = [];
        rest.Frame = [];
        rest.K = null!;
        _bodyRestTop--;
    }

    /// <summary>A reusable "rest of the body" continuation (see <see cref="RentBodyRest"/>); its delegate is made once.</summary>
    private sealed class BodyRest
    {
        private readonly Evaluator _evaluator;

        public BodyRest(Evaluator evaluator)
        {
            _evaluator = evaluator;
            Invoke = Run;
        }

        public Func<bool> Invoke { get; }

        public CLiteral[] Body { get; set; } = [];

        public int Index { get; set; }

        public Value?[] Frame { get; set; } = [];

        public Func<bool> K { get; set; } = null!;

        private bool Run() => _evaluator.EvalBody(Body, Index, Frame, K);
    }
}
