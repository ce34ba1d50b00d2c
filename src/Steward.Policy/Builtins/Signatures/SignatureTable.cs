using Steward.Policy.Compilation.Types;

namespace Steward.Policy.Builtins.Signatures;

/// <summary>
/// Argument and result types of the core built-ins, written by hand after OPA's capabilities declarations
/// (<c>name(arguments) -&gt; result</c>). A built-in missing here is not type-checked; where a declaration is
/// narrower than what OPA accepts, a valid policy would be rejected, so doubtful arguments are declared <c>any</c>.
/// </summary>
internal static class SignatureTable
{
    private static readonly string[] Declarations =
    [
        // Operators and comparison.
        "plus(number, number) -> number",
        "mul(number, number) -> number",
        "div(number, number) -> number",
        "rem(number, number) -> number",
        "minus(any<number, set[any]>, any<number, set[any]>) -> any<number, set[any]>",
        "and(set[any], set[any]) -> set[any]",
        "or(set[any], set[any]) -> set[any]",
        "equal(any, any) -> boolean",
        "neq(any, any) -> boolean",
        "lt(any, any) -> boolean",
        "lte(any, any) -> boolean",
        "gt(any, any) -> boolean",
        "gte(any, any) -> boolean",

        // Numbers and bits.
        "abs(number) -> number",
        "ceil(number) -> number",
        "floor(number) -> number",
        "round(number) -> number",
        "numbers.range(number, number) -> array[number]",
        "numbers.range_step(number, number, number) -> array[number]",
        "bits.and(number, number) -> number",
        "bits.or(number, number) -> number",
        "bits.xor(number, number) -> number",
        "bits.lsh(number, number) -> number",
        "bits.rsh(number, number) -> number",
        "bits.negate(number) -> number",
        "format_int(number, number) -> string",
        "to_number(any<null, boolean, number, string>) -> number",
        "rand.intn(string, number) -> number",

        // Aggregates and collections.
        "count(any<array[any], object[any: any], set[any], string>) -> number",
        "sum(any<array[number], set[number]>) -> number",
        "product(any<array[number], set[number]>) -> number",
        "max(any<array[any], set[any]>) -> any",
        "min(any<array[any], set[any]>) -> any",
        "sort(any<array[any], set[any]>) -> array[any]",
        "array.concat(array[any], array[any]) -> array[any]",
        "array.reverse(array[any]) -> array[any]",
        "array.slice(array[any], number, number) -> array[any]",
        "union(set[set[any]]) -> set[any]",
        "intersection(set[set[any]]) -> set[any]",
        "object.get(object[any: any], any, any) -> any",
        "object.keys(object[any: any]) -> set[any]",
        "object.remove(object[any: any], any<array[any], object[any: any], set[any]>) -> any",
        "object.filter(object[any: any], any<array[any], object[any: any], set[any]>) -> any",
        "object.union(object[any: any], object[any: any]) -> any",
        "object.union_n(array[object[any: any]]) -> any",

        // Strings.
        "concat(string, any<array[string], set[string]>) -> string",
        "contains(string, string) -> boolean",
        "startswith(string, string) -> boolean",
        "endswith(string, string) -> boolean",
        "indexof(string, string) -> number",
        "indexof_n(string, string) -> array[number]",
        "lower(string) -> string",
        "upper(string) -> string",
        "replace(string, string, string) -> string",
        "split(string, string) -> array[string]",
        "sprintf(string, array[any]) -> string",
        "substring(string, number, number) -> string",
        "trim(string, string) -> string",
        "trim_left(string, string) -> string",
        "trim_right(string, string) -> string",
        "trim_prefix(string, string) -> string",
        "trim_suffix(string, string) -> string",
        "trim_space(string) -> string",
        "strings.reverse(string) -> string",
        "strings.count(string, string) -> number",
        "strings.replace_n(object[string: string], string) -> string",
        "strings.any_prefix_match(any<string, array[string], set[string]>, any<string, array[string], set[string]>) -> boolean",
        "strings.any_suffix_match(any<string, array[string], set[string]>, any<string, array[string], set[string]>) -> boolean",
        "strings.render_template(string, object[string: any]) -> string",

        // Types.
        "is_array(any) -> boolean",
        "is_boolean(any) -> boolean",
        "is_null(any) -> boolean",
        "is_number(any) -> boolean",
        "is_object(any) -> boolean",
        "is_set(any) -> boolean",
        "is_string(any) -> boolean",
        "type_name(any) -> string",

        // Encodings.
        "json.marshal(any) -> string",
        "json.unmarshal(string) -> any",
        "json.is_valid(string) -> boolean",
        "yaml.marshal(any) -> string",
        "yaml.unmarshal(string) -> any",
        "yaml.is_valid(string) -> boolean",
        "base64.encode(string) -> string",
        "base64.decode(string) -> string",
        "base64.is_valid(string) -> boolean",
        "base64url.encode(string) -> string",
        "base64url.encode_no_pad(string) -> string",
        "base64url.decode(string) -> string",
        "hex.encode(string) -> string",
        "hex.decode(string) -> string",
        "urlquery.encode(string) -> string",
        "urlquery.decode(string) -> string",
        "uri.parse(string) -> object[string: string]",
        "uri.is_valid(string) -> boolean",
        "rego.parse_module(string, string) -> object[string: any]",

        // Regular expressions and globs.
        "regex.match(string, string) -> boolean",
        "regex.is_valid(string) -> boolean",
        "regex.split(string, string) -> array[string]",
        "regex.find_n(string, string, number) -> array[string]",
        "regex.find_all_string_submatch_n(string, string, number) -> array[array[string]]",
        "regex.replace(string, string, string) -> string",
        "regex.globs_match(string, string) -> boolean",
        "regex.template_match(string, string, string, string) -> boolean",
        "glob.match(string, any<null, array[string]>, string) -> boolean",
        "glob.quote_meta(string) -> string",

        // Time and units.
        "time.now_ns() -> number",
        "time.parse_ns(string, string) -> number",
        "time.parse_rfc3339_ns(string) -> number",
        "time.parse_duration_ns(string) -> number",
        "time.add_date(number, number, number, number) -> number",
        "units.parse(string) -> number",
        "units.parse_bytes(string) -> number",

        // Crypto, networks, identifiers, versions.
        "crypto.md5(string) -> string",
        "crypto.sha1(string) -> string",
        "crypto.sha256(string) -> string",
        "crypto.hmac.md5(string, string) -> string",
        "crypto.hmac.sha1(string, string) -> string",
        "crypto.hmac.sha256(string, string) -> string",
        "crypto.hmac.sha512(string, string) -> string",
        "crypto.hmac.equal(string, string) -> boolean",
        "net.cidr_contains(string, string) -> boolean",
        "net.cidr_intersects(string, string) -> boolean",
        "net.cidr_is_valid(string) -> boolean",
        "uuid.rfc4122(string) -> string",
        "semver.is_valid(any) -> boolean",
        "semver.compare(string, string) -> number",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, BuiltinSignature>> Table = new(Build);

    /// <summary>The declared signatures by built-in name.</summary>
    public static IReadOnlyDictionary<string, BuiltinSignature> All => Table.Value;

    /// <summary>Finds the signature of a built-in.</summary>
    public static bool TryGet(string name, out BuiltinSignature signature) => Table.Value.TryGetValue(name, out signature!);

    private static Dictionary<string, BuiltinSignature> Build()
    {
        var table = new Dictionary<string, BuiltinSignature>(StringComparer.Ordinal);
        foreach (var declaration in Declarations)
        {
            var open = declaration.IndexOf('(', StringComparison.Ordinal);
            var arrow = declaration.LastIndexOf(" -> ", StringComparison.Ordinal);
            var close = declaration.LastIndexOf(')', arrow);
            var name = declaration[..open];
            var arguments = TypeSpecParser.ParseList(declaration[(open + 1)..close]);
            var result = TypeSpecParser.ParseList(declaration[(arrow + 4)..]).Single();
            table.Add(name, new BuiltinSignature(name, arguments, result));
        }

        return table;
    }
}
