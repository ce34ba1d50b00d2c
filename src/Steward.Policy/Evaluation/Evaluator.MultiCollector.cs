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
        private readonly Func<Value, bool> _add;
        private DocumentBuilder _root = null!;
        private DocumentBuilder? _builder;
        private readonly Func<Value[], bool> _withPath;
        private CRule _rule = null!;
        private Value[] _keys = [];
        private Value[] _path = [];

        public MultiCollector(Evaluator evaluator)
        {
            _evaluator = evaluator;
            _add = Add;
            _withPath = WithPath;
            OnSolution = Solution;
        }

        public Value?[] Frame { get; private set; } = [];

        /// <summary>The continuation after a body holds.</summary>
        public Func<bool> OnSolution { get; }

        /// <summary>Starts collecting a set or an object (the collector and its builder are reused, one per nesting level).</summary>
        public DocumentBuilder Begin(bool set)
        {
            (_builder ??= new DocumentBuilder(set)).Reset(set);
            return _root = _builder;
        }

        /// <summary>
        /// Starts a rule's body in <paramref name="frame"/>, one frame for all the node's rules (at least
        /// <see cref="CRule.SlotCount"/> long, cleared: see <see cref="Finish"/>).
        /// </summary>
        public void Start(CRule rule, Value?[] frame)
        {
            // Only what changes is stored: the node's rules share one frame, and each reference store costs a
            // write barrier call, several per rule otherwise.
            _rule = rule;
            if (!ReferenceEquals(Frame, frame))
            {
                Frame = frame;
            }

            if (rule.DynamicPath.Length != 0)
            {
                _keys = new Value[rule.DynamicPath.Length];
            }
            else if (_keys.Length != 0)
            {
                _keys = [];
            }
        }

        /// <summary>
        /// Clears the rule's slots after its body has been evaluated, for the next rule. Bodies undo their
        /// bindings as they return, so this is a second guard, as the frame pool's clear is.
        /// </summary>
        public void Finish() => ClearSlots(Frame, _rule.SlotCount);

        public void Clear()
        {
            Frame = [];
            _root = null!;
            _rule = null!;
            _path = [];
            _keys = [];
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
