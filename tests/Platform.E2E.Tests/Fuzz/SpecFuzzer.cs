using System.Text;

namespace Platform.E2E.Tests.Fuzz;

/// <summary>
/// Generates job specs from a valid one (an allow-listed image whose command exits at once, a task
/// needing every GPU and half the CPUs of the node, so an accepted one holds little) by one to four
/// mutations: random replica types, missing and extra fields, extreme numbers, unicode, deep
/// nesting, YAML aliases, huge strings, wrong types, broken and oversized bodies.
/// </summary>
internal sealed class SpecFuzzer(int seed)
{
    private static readonly string[] _topFields =
    [
        "name", "team", "image", "command", "env", "runtime", "replicas", "restartPolicy", "backoffLimit",
        "activeDeadlineSeconds", "successPolicy", "priorityClass", "terminationGracePeriodSeconds",
        "ttlSecondsAfterFinished", "pidsLimit", "volumes",
    ];

    private static readonly string[] _groupFields = ["count", "resources", "image", "command", "env"];
    private static readonly string[] _resourceFields = ["cpus", "memoryMb", "gpus"];
    private static readonly string[] _types = ["chief", "master", "ps", "worker", "evaluator", "Worker", "launcher", "wörker", "🚀", "", "worker\0"];

    private static readonly string[] _numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1.5", "1e308", "-1e308", "1e-308", "1e400", "-1e400", "9e12", "1e-10",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "123456789012345678901234567890", "1000", "1001", "0.01", "0.0099", "1024", "1025", "3600", "3601",
        "2592000", "2592001", "100", "101", "16", "15", "1048576", "1048577", "4194304", "4194305", "64", "65",
        "0.1e1", "1E2", "5e-324",
    ];

    private static readonly string[] _yamlOnly =
        [".nan", ".NaN", ".inf", "-.inf", "0x1F", "0o17", "1_000", "+1", ".5", "1.", "~", "null", "yes", "on", "True", "FALSE", "!!str 5", "!!int x", "'single'", "|\n  block"];

    private static readonly string[] _strings =
    [
        "", " ", "NaN", "Infinity", "-Infinity", "1e308", "1", "true", "null", "🚀🔥💥", "\u202Eevil\u202C", "مرحبا بالعالم",
        "שלום", "a\0b", "\0", "e\u0301\u0301\u0301", "\uD800", "\uDFFF\uD800", "../../etc/passwd", "platform/hello-ps:1.0",
        "Never", "OnFailure", "docker", "process", "Default", "AllWorkers", "fz", "FZ", "-fz", "a\nb", "\t", "\u2028",
        "{{template}}", "${HOME}", "'; DROP TABLE jobs; --", "%s%s%n", "\u0000\u0001\u001f", "日本語のジョブ", "ok-name",
    ];

    private readonly Random _random = new(seed);

    public FuzzCase Next(int index)
    {
        var yaml = _random.Next(2) == 0;
        var what = new List<string>();
        var body = _random.Next(100) switch
        {
            < 4 => Garbage(yaml, what),
            < 7 => Oversized(yaml, what),
            _ => Mutated(yaml, what),
        };
        return new FuzzCase(index, body, ContentType(yaml), string.Join(", ", what));
    }

    private string Mutated(bool yaml, List<string> what)
    {
        FuzzNode spec = Base();
        var mutations = 1 + _random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            spec = Mutate(spec, yaml, what);
        }

        var ascii = _random.Next(2) == 0;
        return yaml ? FuzzWriter.Yaml(spec, ascii) : FuzzWriter.Json(spec, ascii);
    }

    private FuzzNode Mutate(FuzzNode spec, bool yaml, List<string> what)
    {
        if (spec is not FuzzNode.Map top)
        {
            return spec;
        }

        var group = Group(top);
        var resources = group?.Get("resources") as FuzzNode.Map;
        switch (_random.Next(100))
        {
            case < 25:
                var (target, fields, where) = _random.Next(3) switch
                {
                    0 => (top, _topFields, "top"),
                    1 when group is not null => (group!, _groupFields, "group"),
                    _ when resources is not null => (resources, _resourceFields, "resources"),
                    _ => (top, _topFields, "top"),
                };
                var field = Pick(fields);
                target.Set(field, Value(2, yaml));
                what.Add($"{where}.{field} set");
                break;
            case < 33:
                var removed = Pick(_topFields.Concat(["replicas", "name", "image", "command"]).ToArray());
                top.Remove(removed);
                what.Add($"{removed} removed");
                break;
            case < 43:
                var extra = Name();
                (group is not null && _random.Next(2) == 0 ? group : top).Set(extra, Value(2, yaml));
                what.Add("extra field");
                break;
            case < 53:
                if (top.Get("replicas") is FuzzNode.Map replicas)
                {
                    var type = _random.Next(3) == 0 ? Name() : Pick(_types);
                    replicas.Set(type, _random.Next(3) == 0 ? Value(2, yaml) : RandomGroup(yaml));
                    what.Add($"replica type {type}");
                }

                break;
            case < 60:
                top.Set(Pick(["env", "env", "command"]), _random.Next(2) == 0 ? Env() : Command());
                (group ?? top).Set("env", Env());
                what.Add("env or command flood");
                break;
            case < 68:
                var depth = 1 + _random.Next(60);
                top.Set(Pick(_topFields), Nested(depth));
                what.Add($"nested {depth}");
                break;
            case < 71:
                var size = _random.Next(1_000, 900 * 1024);
                var unit = Pick(["x", "é", "🚀", "ש"]);
                top.Set(Pick(["name", "image", "team", "x", "command"]), new FuzzNode.Text(new StringBuilder().Insert(0, unit, size / unit.Length).ToString()));
                what.Add($"string of {size}");
                break;
            case < 75:
                what.Add("wrong root");
                return Value(2, yaml);
            case < 85 when yaml:
                top.Set(Pick(["x", "env", "replicas", "command"]), Aliases());
                what.Add("aliases");
                break;
            default:
                if (resources is not null)
                {
                    resources.Set(Pick(_resourceFields), Number(yaml));
                }

                top.Set(Pick(["backoffLimit", "activeDeadlineSeconds", "terminationGracePeriodSeconds", "ttlSecondsAfterFinished", "pidsLimit", "priority"]), Number(yaml));
                what.Add("extreme numbers");
                break;
        }

        return spec;
    }

    private static FuzzNode.Map Base()
    {
        var resources = FuzzNode.NewMap(
            ("cpus", new FuzzNode.Raw("8")), ("memoryMb", new FuzzNode.Raw("64")), ("gpus", new FuzzNode.Raw("4")));
        var worker = FuzzNode.NewMap(("count", new FuzzNode.Raw("1")), ("resources", resources));
        return FuzzNode.NewMap(
            ("name", new FuzzNode.Text("fz")),
            ("image", new FuzzNode.Text("platform/hello-ps:1.0")),
            ("command", new FuzzNode.Seq([new FuzzNode.Text("true")])),
            ("terminationGracePeriodSeconds", new FuzzNode.Raw("1")),
            ("replicas", FuzzNode.NewMap(("worker", worker))));
    }

    private static FuzzNode.Map? Group(FuzzNode.Map top) =>
        (top.Get("replicas") as FuzzNode.Map)?.Fields.Select(field => field.Value).OfType<FuzzNode.Map>().FirstOrDefault();

    private FuzzNode RandomGroup(bool yaml)
    {
        var group = FuzzNode.NewMap(("count", Number(yaml)), ("resources", FuzzNode.NewMap(("gpus", new FuzzNode.Raw("4")))));
        if (_random.Next(2) == 0)
        {
            group.Set(Pick(_groupFields), Value(1, yaml));
        }

        return group;
    }

    private FuzzNode Value(int depth, bool yaml) => _random.Next(depth > 0 ? 10 : 6) switch
    {
        < 3 => Number(yaml),
        < 5 => new FuzzNode.Text(Pick(_strings)),
        5 => new FuzzNode.Raw(Pick(["true", "false", "null"])),
        6 => FuzzNode.NewMap([.. Enumerable.Range(0, _random.Next(4)).Select(_ => (Name(), Value(depth - 1, yaml)))]),
        7 => new FuzzNode.Seq([.. Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth - 1, yaml))]),
        8 => new FuzzNode.Text(new string('z', _random.Next(1, 5_000))),
        _ => Nested(1 + _random.Next(40)),
    };

    private FuzzNode Number(bool yaml) => _random.Next(10) switch
    {
        < 6 => new FuzzNode.Raw(Pick(_numbers)),
        6 => new FuzzNode.Raw(_random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        7 => new FuzzNode.Raw((_random.NextDouble() * Math.Pow(10, _random.Next(-30, 30))).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        8 when yaml => new FuzzNode.Raw(Pick(_yamlOnly)),
        _ => new FuzzNode.Text(Pick(_numbers)),
    };

    private FuzzNode Nested(int depth)
    {
        FuzzNode node = new FuzzNode.Raw("1");
        for (var i = 0; i < depth; i++)
        {
            node = _random.Next(2) == 0 ? new FuzzNode.Seq([node]) : FuzzNode.NewMap(("k", node));
        }

        return node;
    }

    private FuzzNode Env()
    {
        var entries = _random.Next(0, 150);
        return FuzzNode.NewMap([.. Enumerable.Range(0, entries).Select(i => ($"{Name()}{i}", (FuzzNode)new FuzzNode.Text(new string('v', _random.Next(0, 2_000)))))]);
    }

    private FuzzNode Command() =>
        new FuzzNode.Seq([.. Enumerable.Range(0, _random.Next(0, 300)).Select(_ => (FuzzNode)new FuzzNode.Text(Pick(_strings) + new string('a', _random.Next(0, 600))))]);

    /// <summary>A flow sequence of anchors and aliases: a bomb, a self reference, an unknown alias, or a harmless reuse.</summary>
    private FuzzNode Aliases()
    {
        var yaml = _random.Next(4) switch
        {
            0 => "[&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol], " + string.Join(", ",
                Enumerable.Range(1, 9).Select(level => $"&a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]")) + "]",
            1 => "&self [1, *self]",
            2 => "[*nowhere]",
            _ => "[&r {x: 1}, *r, *r]",
        };
        return new FuzzNode.Raw("\"aliases are YAML only\"", yaml);
    }

    private string Garbage(bool yaml, List<string> what)
    {
        var valid = yaml ? FuzzWriter.Yaml(Base(), true) : FuzzWriter.Json(Base(), true);
        switch (_random.Next(6))
        {
            case 5:
                what.Add("a document marker inside a flow mapping (YamlDotNet's scanner threw InvalidOperationException)");
                return "name: fz\nreplicas: { worker: {}, ---\nx: 0 }\n";
            case 0:
                what.Add("truncated");
                return valid[.._random.Next(valid.Length)];
            case 1:
                what.Add("200,000 brackets");
                return new string(Pick(['[', '{']), 200_000);
            case 2:
                what.Add("random characters");
                return new string([.. Enumerable.Range(0, _random.Next(1, 2_000)).Select(_ => (char)_random.Next(0, 0xFFFF))]);
            case 3:
                what.Add("two documents");
                return yaml ? valid + "---\n" + valid : valid + valid;
            default:
                what.Add("empty");
                return Pick(["", " ", "\n", "null", "[]", "0"]);
        }
    }

    private string Oversized(bool yaml, List<string> what)
    {
        var padding = new string('p', 1024 * 1024 + _random.Next(1, 100 * 1024));
        what.Add($"oversized body ({padding.Length} characters of padding)");
        return yaml ? $"name: fz\nx: {padding}\n" : $"{{\"name\":\"fz\",\"x\":\"{padding}\"}}";
    }

    private string? ContentType(bool yaml) => _random.Next(20) switch
    {
        0 => null,
        1 => "text/plain",
        _ when yaml => Pick(["application/yaml", "application/x-yaml", "text/yaml", "application/yaml; charset=utf-8"]),
        _ => Pick(["application/json", "application/json; charset=utf-8"]),
    };

    private string Name() => _random.Next(6) switch
    {
        0 => Pick(_strings),
        1 => new string([.. Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next(0x20, 0x7F))]),
        2 => "x" + _random.Next(),
        3 => Pick(_topFields) + Pick(["s", "", "_", " "]),
        4 => new string('k', _random.Next(1, 3_000)),
        _ => Pick(["ключ", "鍵", "🔑", "مفتاح", "\u202Ekey"]),
    };

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
