using System.Runtime.CompilerServices;
using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Evaluation.Compiled;

/// <summary>
/// Calls of built-ins and function rules, compiled: the arguments' compiled forms are captured and, for up to
/// three arguments, their values live in locals (no argument stack). Under <c>with</c> replacing functions the
/// interpreter decides, as it does for mocks; errors and undefined follow the interpreter.
/// </summary>
internal static class CompiledCall
{
    /// <summary>A form that leaves the term to the interpreter before evaluating anything.</summary>
    public static readonly SingleFn HandOver = (Evaluator _, Value?[] _, out Value? value) =>
    {
        value = null;
        return false;
    };

    public static SingleFn Compile(CCall call)
    {
        if (Evaluator.SpeculationUnsafe(call))
        {
            // A printing or costly argument before one that may hand over: the interpreter evaluates each once.
            return HandOver;
        }

        if (call is { Function: null, Builtin.Function: var aggregate, Args: [CComprehension { Kind: ComprehensionKind.Array } items] }
            && (ReferenceEquals(aggregate, Aggregates.CountFunction) || ReferenceEquals(aggregate, Aggregates.SumFunction))
            && !Evaluator.MayPrint(items))
        {
            // count([...]) and sum([...]): the comprehension's items are counted or added where they are collected.
            var count = ReferenceEquals(aggregate, Aggregates.CountFunction);
            return (Evaluator ev, Value?[] frame, out Value? value) =>
            {
                value = null;
                if (ev.HasMocks)
                {
                    return false;
                }

                value = ev.AggregateComprehension(call, items, count, frame);
                return true;
            };
        }

        var forms = call.Args.Select(Evaluator.FormOf).ToArray();
        switch (forms.Length)
        {
            case 0:
                return (Evaluator ev, Value?[] _, out Value? value) =>
                {
                    value = null;
                    if (ev.HasMocks)
                    {
                        return false;
                    }

                    value = ev.Invoke(call, []);
                    return true;
                };
            case 1:
            {
                var a0 = forms[0];
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    value = null;
                    if (ev.HasMocks || !a0(ev, frame, out var x0))
                    {
                        return false;
                    }

                    if (x0 is not null)
                    {
                        var args = new Args1();
                        args[0] = x0;
                        value = ev.Invoke(call, args);
                    }

                    return true;
                };
            }

            case 2:
            {
                var (a0, a1) = (forms[0], forms[1]);
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    value = null;
                    if (ev.HasMocks || !a0(ev, frame, out var x0))
                    {
                        return false;
                    }

                    if (x0 is null)
                    {
                        return true;
                    }

                    if (!a1(ev, frame, out var x1))
                    {
                        return false;
                    }

                    if (x1 is not null)
                    {
                        var args = new Args2();
                        args[0] = x0;
                        args[1] = x1;
                        value = ev.Invoke(call, args);
                    }

                    return true;
                };
            }

            case 3:
            {
                var (a0, a1, a2) = (forms[0], forms[1], forms[2]);
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    value = null;
                    if (ev.HasMocks || !a0(ev, frame, out var x0))
                    {
                        return false;
                    }

                    if (x0 is null)
                    {
                        return true;
                    }

                    if (!a1(ev, frame, out var x1))
                    {
                        return false;
                    }

                    if (x1 is null)
                    {
                        return true;
                    }

                    if (!a2(ev, frame, out var x2))
                    {
                        return false;
                    }

                    if (x2 is not null)
                    {
                        var args = new Args3();
                        args[0] = x0;
                        args[1] = x1;
                        args[2] = x2;
                        value = ev.Invoke(call, args);
                    }

                    return true;
                };
            }

            default:
                return (Evaluator ev, Value?[] frame, out Value? value) =>
                {
                    value = null;
                    if (ev.HasMocks)
                    {
                        return false;
                    }

                    var args = new Value[forms.Length];
                    for (var i = 0; i < forms.Length; i++)
                    {
                        if (!forms[i](ev, frame, out var x))
                        {
                            return false;
                        }

                        if (x is null)
                        {
                            return true;
                        }

                        args[i] = x;
                    }

                    value = ev.Invoke(call, args);
                    return true;
                };
        }
    }

    /// <summary>One argument on the stack.</summary>
    [InlineArray(1)]
    private struct Args1
    {
        private Value _element;
    }

    /// <summary>Two arguments on the stack.</summary>
    [InlineArray(2)]
    private struct Args2
    {
        private Value _element;
    }

    /// <summary>Three arguments on the stack.</summary>
    [InlineArray(3)]
    private struct Args3
    {
        private Value _element;
    }
}
