namespace Steward.Policy.Builtins;

/// <summary>OPA's core built-in library, one class per category.</summary>
internal static class CoreLibrary
{
    public static void RegisterAll(BuiltinRegistry registry)
    {
        Operators.Register(registry);
        Aggregates.Register(registry);
        NumberBuiltins.Register(registry);
        BitsBuiltins.Register(registry);
        ArrayBuiltins.Register(registry);
        TypeBuiltins.Register(registry);
        StringBuiltins.Register(registry);
        SplitNBuiltin.Register(registry);
        ObjectBuiltins.Register(registry);
        JsonPathBuiltins.Register(registry);
        JsonPatch.Register(registry);
        GraphBuiltins.Register(registry);
        EncodingBuiltins.Register(registry);
        UrlQueryBuiltins.Register(registry);
        UriBuiltins.Register(registry);
        ParseModuleBuiltin.Register(registry);
        JsonBuiltins.Register(registry);
        YamlBuiltins.Register(registry);
        RegexBuiltins.Register(registry);
        TimeBuiltins.Register(registry);
        UnitsBuiltins.Register(registry);
        CryptoBuiltins.Register(registry);
        PrivateKeyBuiltins.Register(registry);
        X509Builtins.Register(registry);
        KeyPairBuiltins.Register(registry);
        GraphQLBuiltins.Register(registry);
        UuidBuiltins.Register(registry);
        SemverBuiltins.Register(registry);
        NetBuiltins.Register(registry);
        AwsSignBuiltins.Register(registry);
        JwtBuiltins.Register(registry);
        JsonSchemaBuiltins.Register(registry);
        TemplateBuiltins.Register(registry);
    }
}
