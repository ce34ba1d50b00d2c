using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation;

internal sealed partial class Evaluator
{
    private const int PooledFrameSize = 32;
    private const int PooledFramesPerSize = 8;
    // Idle frames by size: PooledFramesPerSize places per size, of which _frameCounts[size] are taken. A
    // rented frame's place keeps its stale reference (clearing it would cost a store for nothing).
    private Value?[]?[]? _framePool;
    private int[]? _frameCounts;
    private RuleChainCollector?[] _chainCollectors = [];
    private int _chainDepth;
    private MultiCollector?[] _multiCollectors = [];
    private int _multiDepth;
    private FunctionCollector?[] _functionCollectors = [];

    /// <summary>
    /// A frame for a rule body. Bodies undo their bindings as they return, and nothing keeps a frame after its
    /// body has been evaluated, so frames are reused (cleared again on return, to be sure).
    /// </summary>
    private Value?[] RentFrame(int size)
    {
        if (size == 0)
        {
            return [];
        }

        if (size <= PooledFrameSize && _frameCounts is { } counts && counts[size] is > 0 and var count)
        {
            counts[size] = count - 1;
            return _framePool![(size * PooledFramesPerSize) + count - 1]!;
        }

        return new Value?[size];
    }

    private void ReturnFrame(Value?[] frame)
    {
        var size = frame.Length;
        if (size == 0 || size > PooledFrameSize)
        {
            return;
        }

        ClearSlots(frame, size);
        var counts = _frameCounts ??= new int[PooledFrameSize + 1];
        var pool = _framePool ??= new Value?[]?[(PooledFrameSize + 1) * PooledFramesPerSize];
        var count = counts[size];
        if (count < PooledFramesPerSize)
        {
            // The pool is created as exactly Value?[]?[], so the runtime's per-store array type check is redundant.
            System.Runtime.CompilerServices.Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pool), (size * PooledFramesPerSize) + count) = frame;
            counts[size] = count + 1;
        }
    }

    /// <summary>
    /// Empties the first <paramref name="count"/> slots of a frame. Frames are short, and for a few slots storing
    /// nulls (no write barrier, no type check) costs less than the call <see cref="Array.Clear(Array, int, int)"/> makes.
    /// </summary>
    internal static void ClearSlots(Value?[] frame, int count)
    {
        if (count > 8)
        {
            Array.Clear(frame, 0, count);
            return;
        }

        var slots = frame.AsSpan(0, count);
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = null;
        }
    }

    /// <summary>
    /// Stores a value in a frame (or the argument stack). Frames are always created as exactly <c>Value?[]</c>,
    /// never as a covariant array of a derived type, so the runtime's per-store type check is redundant; on the
    /// hot path of every binding it costs more than the store itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Bind(Value?[] frame, int slot, Value value)
    {
        if ((uint)slot >= (uint)frame.Length)
        {
            throw new IndexOutOfRangeException();
        }

        System.Runtime.CompilerServices.Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(frame), slot) = value;
    }

    /// <summary>Whether every parameter is a variable or a constant, so arguments bind without unification continuations.</summary>
    internal static bool SimpleParameters(CTerm[] parameters)
    {
        foreach (var p in parameters)
        {
            if (p is not (CVar or CConst))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Binds simple parameters (see <see cref="SimpleParameters"/>) in a fresh frame; false when an argument does not match.</summary>
    private static bool BindParameters(CTerm[] parameters, ReadOnlySpan<Value> args, Value?[] frame)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            switch (parameters[i])
            {
                case CVar v:
                    if (frame[v.Slot] is { } bound)
                    {
                        if (!bound.Equals(args[i]))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        Bind(frame, v.Slot, args[i]);
                    }

                    break;
                default:
                    if (!((CConst)parameters[i]).Value.Equals(args[i]))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// The continuation state of a complete rule's body (see <see cref="EvalRuleChain"/>): one instance, with
    /// its delegates, per nesting level of rule evaluation in this evaluator rather than per rule evaluated.
    /// </summary>
    private sealed class RuleChainCollector
    {
        private readonly Evaluator _evaluator;
        private readonly Func<Value, bool> _collect;
        private CRule _rule = null!;
        private Value?[] _frame = [];
        private bool _constant;

        public RuleChainCollector(Evaluator evaluator)
        {
            _evaluator = evaluator;
            _collect = Collect;
            OnBody = Body;
        }

        public Func<bool> OnBody { get; }

        /// <summary>Takes one value of the head (the continuation <see cref="OnBody"/> ends in).</summary>
        public Func<Value, bool> OnValue => _collect;

        public Value? Value { get; private set; }

        public bool Any { get; private set; }

        public void Start(CRule rule, Value?[] frame)
        {
            _rule = rule;
            _frame = frame;
            _constant = rule.Value!.IsGround;
            Value = null;
            Any = false;
        }

        public void Clear()
        {
            _rule = null!;
            _frame = [];
            Value = null;
        }

        private bool Body() => _evaluator.Produce(_rule.Value!, _frame, _collect);

        private bool Collect(Value v)
        {
            Any = true;
            if (Value is not null && !Value.Equals(v))
            {
                throw Conflict("complete rules must not produce multiple outputs");
            }

            Value = v;
            return !_constant;
        }
    }

    /// <summary>The continuation state of a function call's bodies, one instance per call depth.</summary>
    private sealed class FunctionCollector
    {
        private readonly Evaluator _evaluator;
        private readonly Func<Value, bool> _collect;
        private CRule _rule = null!;
        private Value?[] _frame = [];

        public FunctionCollector(Evaluator evaluator)
        {
            _evaluator = evaluator;
            _collect = Collect;
            OnBody = Body;
        }

        public Func<bool> OnBody { get; }

        /// <summary>Takes one value of the head (the continuation <see cref="OnBody"/> ends in).</summary>
        public Func<Value, bool> OnValue => _collect;

        /// <summary>The value so far, across all the function's definitions (they must agree).</summary>
        public Value? Result { get; set; }

        public bool Any { get; private set; }

        public void Start(CRule rule, Value?[] frame)
        {
            _rule = rule;
            _frame = frame;
            Any = false;
        }

        public void Clear()
        {
            _rule = null!;
            _frame = [];
            Result = null;
        }

        private bool Body() => _evaluator.Produce(_rule.Value!, _frame, _collect);

        private bool Collect(Value v)
        {
            Any = true;
            if (Result is not null && !Result.Equals(v))
            {
                throw Conflict("functions must not produce multiple outputs for same inputs");
            }

            Result = v;
            return true;
        }
    }

    private RuleChainCollector RentChainCollector()
    {
        if (_chainDepth == _chainCollectors.Length)
        {
            Array.Resize(ref _chainCollectors, Math.Max(4, _chainCollectors.Length * 2));
        }

        return _chainCollectors[_chainDepth++] ??= new RuleChainCollector(this);
    }

    private FunctionCollector FunctionCollectorAt(int depth)
    {
        if (depth >= _functionCollectors.Length)
        {
            Array.Resize(ref _functionCollectors, Math.Max(Math.Max(4, _functionCollectors.Length * 2), depth + 1));
        }

        return _functionCollectors[depth] ??= new FunctionCollector(this);
    }
}
