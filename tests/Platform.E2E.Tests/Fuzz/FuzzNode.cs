namespace Platform.E2E.Tests.Fuzz;

/// <summary>
/// A generated spec value that <see cref="FuzzWriter"/> writes as JSON or YAML. <see cref="Raw"/>
/// carries text written as it is (numbers like <c>1e400</c> or <c>-0</c>, YAML aliases), so the
/// generator can say what no serializer would.
/// </summary>
internal abstract record FuzzNode
{
    public sealed record Map(List<KeyValuePair<string, FuzzNode>> Fields) : FuzzNode
    {
        public Map Set(string key, FuzzNode value)
        {
            var at = Fields.FindIndex(field => field.Key == key);
            if (at >= 0)
            {
                Fields[at] = new(key, value);
            }
            else
            {
                Fields.Add(new(key, value));
            }

            return this;
        }

        public FuzzNode? Get(string key) => Fields.FirstOrDefault(field => field.Key == key).Value;

        public void Remove(string key) => Fields.RemoveAll(field => field.Key == key);
    }

    public sealed record Seq(List<FuzzNode> Items) : FuzzNode;

    public sealed record Text(string Value) : FuzzNode;

    /// <summary>Written as <paramref name="Json"/> in JSON and <paramref name="Yaml"/> in YAML.</summary>
    public sealed record Raw(string Json, string Yaml) : FuzzNode
    {
        public Raw(string both)
            : this(both, both)
        {
        }
    }

    public static Map NewMap(params (string Key, FuzzNode Value)[] fields) =>
        new([.. fields.Select(field => new KeyValuePair<string, FuzzNode>(field.Key, field.Value))]);
}
