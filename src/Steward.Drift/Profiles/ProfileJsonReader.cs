using System.Text.Json;

namespace Steward.Drift.Profiles;

/// <summary>Reads and checks a parsed <c>steward.drift.profile/v1</c> document; each error names the JSON path of the bad value.</summary>
internal sealed class ProfileJsonReader
{
    private readonly JsonElement _root;

    public ProfileJsonReader(JsonElement root)
    {
        _root = root;
    }

    public DriftProfile Read()
    {
        if (_root.ValueKind != JsonValueKind.Object) throw Error("$", "expected a JSON object");
        var format = Property(_root, "$", "format");
        if (format.ValueKind != JsonValueKind.String || format.GetString() != DriftProfile.Format)
            throw Error("$.format", $"expected \"{DriftProfile.Format}\" (an unsupported or missing profile format)");
        var rowCount = Long(_root, "$", "row_count");
        var options = ReadOptions(Property(_root, "$", "options"));
        var columns = Property(_root, "$", "columns");
        if (columns.ValueKind != JsonValueKind.Array) throw Error("$.columns", "expected an array");
        var list = new List<ColumnProfile>();
        var i = 0;
        foreach (var column in columns.EnumerateArray())
        {
            var path = $"$.columns[{i++}]";
            var profile = ReadColumn(column, path);
            if (profile.Count + profile.MissingCount != rowCount)
                throw Error(path, $"count {profile.Count} + missing {profile.MissingCount} differ from row_count {rowCount}");
            if (list.Any(c => c.Name == profile.Name)) throw Error(path + ".name", $"column '{profile.Name}' appears twice");
            list.Add(profile);
        }
        return new DriftProfile(list, rowCount, options);
    }

    private static ProfileOptions ReadOptions(JsonElement element)
    {
        const string path = "$.options";
        if (element.ValueKind != JsonValueKind.Object) throw Error(path, "expected an object");
        var mode = Property(element, path, "mode").ValueKind == JsonValueKind.String ? element.GetProperty("mode").GetString() : null;
        var options = new ProfileOptions
        {
            Mode = mode switch
            {
                "auto" => ProfileMode.Auto,
                "exact" => ProfileMode.Exact,
                "sketch" => ProfileMode.Sketch,
                _ => throw Error(path + ".mode", "expected \"auto\", \"exact\" or \"sketch\""),
            },
            ExactLimit = checked((int)Long(element, path, "exact_limit")),
            SketchK = checked((int)Long(element, path, "sketch_k")),
            MaxCategories = checked((int)Long(element, path, "max_categories")),
        };
        try
        {
            options.Validate();
        }
        catch (DriftException e)
        {
            throw Error(path, e.Message);
        }
        return options;
    }

    private static ColumnProfile ReadColumn(JsonElement column, string path)
    {
        if (column.ValueKind != JsonValueKind.Object) throw Error(path, "expected an object");
        var nameElement = Property(column, path, "name");
        var name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        if (string.IsNullOrEmpty(name)) throw Error(path + ".name", "expected a non-empty string");
        var kindElement = Property(column, path, "kind");
        var kind = kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString() : null;
        var count = Long(column, path, "count");
        var missing = Long(column, path, "missing");
        return kind switch
        {
            "labels" => ReadLabels(column, path, name, count, missing),
            "numbers" => ReadNumbers(column, path, name, count, missing),
            _ => throw Error(path + ".kind", "expected \"numbers\" or \"labels\""),
        };
    }

    private static ColumnProfile ReadLabels(JsonElement column, string path, string name, long count, long missing)
    {
        var categories = Property(column, path, "categories");
        if (categories.ValueKind != JsonValueKind.Object) throw Error(path + ".categories", "expected an object");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in categories.EnumerateObject())
        {
            if (p.Name.Length == 0 || !p.Value.TryGetInt64(out var c) || c <= 0) throw Error($"{path}.categories[{JsonSerializer.Serialize(p.Name)}]", "expected a non-empty label with a positive count");
            if (!counts.TryAdd(p.Name, c)) throw Error($"{path}.categories", $"label {JsonSerializer.Serialize(p.Name)} appears twice");
        }
        var other = Long(column, path, "other");
        if (counts.Values.Sum() + other != count) throw Error(path, "the category counts and other do not add up to count");
        return new ColumnProfile(name, ProfileColumnKind.Labels) { Count = count, MissingCount = missing, Categories = counts, OtherCount = other };
    }

    private static ColumnProfile ReadNumbers(JsonElement column, string path, string name, long count, long missing)
    {
        double min = double.NaN, max = double.NaN, mean = double.NaN, m2 = double.NaN;
        if (count > 0)
        {
            min = Finite(column, path, "min");
            max = Finite(column, path, "max");
            mean = Finite(column, path, "mean");
            m2 = Finite(column, path, "m2");
            if (min > max || m2 < 0 || mean < min || mean > max) throw Error(path, "min, max, mean and m2 are inconsistent");
        }
        double[]? values = null;
        if (column.TryGetProperty("values", out var valuesElement))
        {
            values = Numbers(valuesElement, path + ".values");
            if (values.LongLength != count) throw Error(path + ".values", $"holds {values.Length} values, count says {count}");
            for (var i = 1; i < values.Length; i++) if (values[i] < values[i - 1]) throw Error($"{path}.values[{i}]", "values are not sorted");
        }
        Dictionary<double, long>? valueCounts = null;
        if (column.TryGetProperty("value_counts", out var countsElement)) valueCounts = ValueCounts(countsElement, path + ".value_counts", count);
        KllSketch? sketch = null;
        if (column.TryGetProperty("sketch", out var sketchElement)) sketch = Sketch(sketchElement, path + ".sketch", count);
        if (values is null && sketch is null && count > 0) throw Error(path, "a numeric column needs values or a sketch");
        if (values is null && sketch is null) values = [];
        return new ColumnProfile(name, ProfileColumnKind.Numbers)
        {
            Count = count, MissingCount = missing, Min = min, Max = max, Mean = mean, M2 = m2,
            ExactArray = values, ValueCounts = valueCounts, Sketch = sketch,
        };
    }

    private static Dictionary<double, long> ValueCounts(JsonElement element, string path, long count)
    {
        if (element.ValueKind != JsonValueKind.Array) throw Error(path, "expected an array of [value, count] pairs");
        var counts = new Dictionary<double, long>();
        var i = 0;
        foreach (var pair in element.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || !pair[0].TryGetDouble(out var v) || !double.IsFinite(v)
                || !pair[1].TryGetInt64(out var c) || c <= 0 || !counts.TryAdd(v, c))
                throw Error(at, "expected a [finite number, positive count] pair with a value not seen before");
        }
        if (counts.Count > ColumnProfile.DistinctLimit) throw Error(path, $"more than {ColumnProfile.DistinctLimit} distinct values");
        if (counts.Values.Sum() != count) throw Error(path, "the counts do not add up to count");
        return counts;
    }

    private static KllSketch Sketch(JsonElement element, string path, long count)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Error(path, "expected an object");
        var k = Long(element, path, "k");
        if (k is < 8 or > 65535) throw Error(path + ".k", "expected 8 to 65535");
        if (Long(element, path, "count") != count) throw Error(path + ".count", "differs from the column's count");
        var levels = Property(element, path, "levels");
        if (levels.ValueKind != JsonValueKind.Array || levels.GetArrayLength() is 0 or > 62) throw Error(path + ".levels", "expected 1 to 62 arrays");
        var sketch = new KllSketch((int)k);
        var h = 0;
        foreach (var level in levels.EnumerateArray())
        {
            sketch.AddItems(h, Numbers(level, $"{path}.levels[{h}]"));
            h++;
        }
        try
        {
            sketch.SetCount(count);
        }
        catch (DriftException e)
        {
            throw Error(path, e.Message);
        }
        return sketch;
    }

    private static double[] Numbers(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array) throw Error(path, "expected an array of numbers");
        var values = new double[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var v) || !double.IsFinite(v)) throw Error($"{path}[{i}]", "expected a finite number");
            values[i++] = v;
        }
        return values;
    }

    private static JsonElement Property(JsonElement element, string path, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing \"{name}\"");

    private static long Long(JsonElement element, string path, string name)
    {
        var value = Property(element, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0 ? n : throw Error($"{path}.{name}", "expected a non-negative integer");
    }

    private static double Finite(JsonElement element, string path, string name)
    {
        var value = Property(element, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Error($"{path}.{name}", "expected a finite number");
    }

    private static DriftException Error(string path, string message) => new($"not a valid drift profile: {path}: {message}");
}
