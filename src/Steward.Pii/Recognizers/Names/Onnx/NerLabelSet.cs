namespace Steward.Pii.Recognizers.Names.Onnx;

/// <summary>
/// The model's labels (<c>id2label</c>) read as tags. Prefixes of the IOB/IOB2 and BIOES schemes are understood
/// (<c>B-</c>/<c>S-</c>/<c>U-</c> begin an entity, <c>I-</c>/<c>E-</c>/<c>L-</c> continue one; <c>_</c> works as well
/// as <c>-</c>); plain labels (<c>PER</c>) continue an entity of the same type. Types map to Presidio's:
/// PER/PERSON → PERSON; LOC/LOCATION/GPE/FAC → LOCATION; ORG/ORGANIZATION/ORGANISATION → ORGANIZATION;
/// NORP/NRP/MISC → NRP. Any other label counts as outside.
/// </summary>
internal sealed class NerLabelSet
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = PiiEntities.Person, ["PERSON"] = PiiEntities.Person,
        ["LOC"] = PiiEntities.Location, ["LOCATION"] = PiiEntities.Location, ["GPE"] = PiiEntities.Location, ["FAC"] = PiiEntities.Location,
        ["ORG"] = PiiEntities.Organization, ["ORGANIZATION"] = PiiEntities.Organization, ["ORGANISATION"] = PiiEntities.Organization,
        ["NORP"] = PiiEntities.Nrp, ["NRP"] = PiiEntities.Nrp, ["MISC"] = PiiEntities.Nrp,
    };

    private NerLabelSet(string[] labels, NerTag[] tags)
    {
        Labels = labels;
        Tags = tags;
        Entities = [.. tags.Select(t => t.EntityType).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The labels by id.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The tags by id.</summary>
    public IReadOnlyList<NerTag> Tags { get; }

    /// <summary>The Presidio entity types the labels name, sorted.</summary>
    public IReadOnlyList<string> Entities { get; }

    /// <summary>The number of labels (the last dimension of the model's logits).</summary>
    public int Count => Labels.Count;

    /// <summary>Reads <paramref name="id2label"/> (ids 0..n-1, each once); throws when ids are missing or no label names a known type.</summary>
    public static NerLabelSet Create(IReadOnlyDictionary<int, string> id2label)
    {
        if (id2label.Count == 0) throw new NerModelException("config.json has an empty id2label.");
        var labels = new string[id2label.Count];
        foreach (var (id, label) in id2label)
        {
            if (id < 0 || id >= labels.Length) throw new NerModelException($"config.json's id2label ids must run from 0 to {labels.Length - 1}; found {id}.");
            labels[id] = label;
        }
        var tags = labels.Select(Parse).ToArray();
        if (tags.All(t => t.EntityType is null))
        {
            throw new NerModelException(
                $"config.json's labels ({string.Join(", ", labels)}) name none of PER/PERSON, LOC/LOCATION/GPE/FAC, ORG/ORGANIZATION, NORP/NRP/MISC: the model cannot report PERSON, LOCATION, ORGANIZATION or NRP.");
        }
        return new NerLabelSet(labels, tags);
    }

    /// <summary>Reads one label.</summary>
    public static NerTag Parse(string label)
    {
        var text = label.Trim();
        var begins = false;
        if (text.Length > 2 && (text[1] == '-' || text[1] == '_'))
        {
            var prefix = char.ToUpperInvariant(text[0]);
            if (prefix is 'B' or 'S' or 'U') begins = true;
            else if (prefix is not ('I' or 'E' or 'L')) return new NerTag(null, false);
            text = text[2..];
        }
        return s_types.TryGetValue(text, out var type) ? new NerTag(type, begins) : new NerTag(null, false);
    }
}
