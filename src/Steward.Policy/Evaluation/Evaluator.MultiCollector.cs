using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Adds each solution of a multi-value rule's bodies to a document: one instance (and one set of
    /// delegates) per rule node evaluation rather than per rule or per solution.
    /// </summary>
    private sealed class MultiCollector
    {
        private readonly Evaluator _evaluator;
        private readonly DocumentBuilder _root;
        private readonly Func<Value, bool> _add;
        private readonly Func<Value[], bool> _withPath;
        private CRule _rule = null!;
        private Value[] _keys = [];
        private Value[] _path = [];

        public MultiCollector(Evaluator evaluator, DocumentBuilder root)
        {
            _evaluator = evaluator;
            _root = root;
            _add = Add;
            _withPath = WithPath;
            OnSolution = Solution;
        }

        public Value?[] Frame { get; private set; } = [];

        /// <summary>The continuation after a body holds.</summary>
        public Func<bool> OnSolution { get; }

        public void Start(CRule rule)
        {
            _rule = rule;
            Frame = rule.SlotCount == 0 ? [] : new Value?[rule.SlotCount];
            _keys = rule.DynamicPath.Length == 0 ? [] : new Value[rule.DynamicPath.Length];
        }

        private bool Solution() => _rule.DynamicPath.Length == 0
            ? WithPath(_keys)
            : _evaluator.EvalItems(_rule.DynamicPath, 0, _keys, Frame, _withPath);

        private bool WithPath(Value[] path)
        {
            _path = path;
            return _evaluator.Produce(_rule.Value!, Frame, _add);
        }

        private bool Add(Value value) =>
            _root.Add(_path, value) ? true : throw Conflict("object keys must be unique");
    }
}
