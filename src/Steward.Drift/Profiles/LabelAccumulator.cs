using System.Runtime.InteropServices;

namespace Steward.Drift.Profiles;

/// <summary>A label column being profiled: exact counts of up to <see cref="ProfileOptions.MaxCategories"/> labels, the rest counted as "other".</summary>
internal sealed class LabelAccumulator : ColumnAccumulator
{
    private readonly int _cap;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private long _other;

    public LabelAccumulator(string name, ProfileOptions options)
        : base(name)
    {
        _cap = options.MaxCategories;
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override ProfileColumnKind Kind => ProfileColumnKind.Labels;

    public void Add(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            Missing++;
            return;
        }
        Present++;
        if (_counts.Count < _cap || _counts.ContainsKey(label)) CollectionsMarshal.GetValueRefOrAddDefault(_counts, label, out _)++;
        else _other++;
    }

    /// <summary>Counts a label given as characters, allocating a string only for a label not seen before.</summary>
    public void Add(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            Missing++;
            return;
        }
        Present++;
        if (_lookup.TryGetValue(label, out var count)) _lookup[label] = count + 1;
        else if (_counts.Count < _cap) _counts[label.ToString()] = 1;
        else _other++;
    }

    public override void Merge(ColumnProfile other)
    {
        Present += other.Count;
        Missing += other.MissingCount;
        _other += other.OtherCount;
        foreach (var (label, count) in other.Categories!)
        {
            if (_counts.Count < _cap || _counts.ContainsKey(label)) CollectionsMarshal.GetValueRefOrAddDefault(_counts, label, out _) += count;
            else _other += count;
        }
    }

    public override ColumnProfile ToProfile(long rowCount, bool release = false) => new(Name, Kind)
    {
        Count = Present,
        MissingCount = MissingFor(rowCount),
        Categories = new Dictionary<string, long>(_counts, StringComparer.Ordinal),
        OtherCount = _other,
    };
}
