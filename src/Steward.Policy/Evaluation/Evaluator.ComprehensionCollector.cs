using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private ComprehensionCollector?[] _comprehensionCollectors = [];
    private int _comprehensionDepth;

    /// <summary>The collector for an array or set comprehension at the next nesting level (return it with <see cref="ReturnComprehensionCollector"/>).</summary>
    private ComprehensionCollector RentComprehensionCollector(CTerm head, Value?[] frame)
    {
        if (_comprehensionDepth == _comprehensionCollectors.Length)
        {
            Array.Resize(ref _comprehensionCollectors, Math.Max(4, _comprehensionCollectors.Length * 2));
        }

        var collector = _comprehensionCollectors[_comprehensionDepth++] ??= new ComprehensionCollector(this);
        collector.Start(head, frame);
        return collector;
    }

    private void ReturnComprehensionCollector(ComprehensionCollector collector)
    {
        collector.Clear();
        _comprehensionDepth--;
    }

    /// <summary>
    /// The continuation state of an array or set comprehension: its element list and delegates, one instance per
    /// nesting level of comprehensions in this evaluator rather than new ones per evaluation.
    /// </summary>
    private sealed class ComprehensionCollector
    {
        private readonly Evaluator _evaluator;
        private readonly Func<Value, bool> _add;
        private CTerm _head = null!;
        private Value?[] _frame = [];

        public ComprehensionCollector(Evaluator evaluator)
        {
            _evaluator = evaluator;
            _add = Add;
            OnBody = Body;
        }

        /// <summary>The continuation after the body holds: adds the head's value(s).</summary>
        public Func<bool> OnBody { get; }

        /// <summary>The elements so far (copied into the result; the list itself is reused).</summary>
        public ValueBuffer Items { get; } = new();

        public void Start(CTerm head, Value?[] frame)
        {
            _head = head;
            _frame = frame;
            Items.Clear();
        }

        public void Clear()
        {
            _head = null!;
            _frame = [];
            Items.Clear();
        }

        private bool Body() => _evaluator.Produce(_head, _frame, _add);

        private bool Add(Value value)
        {
            Items.Add(value);
            return true;
        }
    }
}
