using System.Globalization;

namespace Platform.Samples.MLNet;

/// <summary>The command line: <c>--train-limit N</c> (0: all 60,000), <c>--max-iterations N</c>, <c>--data-dir PATH</c>, <c>--seed N</c>.</summary>
public sealed record TrainerOptions(int TrainLimit, int MaxIterations, string DataDir, int Seed)
{
    public const string DefaultDataDir = "/usr/share/datasets/fashion-mnist";

    public static TrainerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TrainerOptions(TrainLimit: 10_000, MaxIterations: 20, DataDir: DefaultDataDir, Seed: 0);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--train-limit" => options with { TrainLimit = Count(name, value, minimum: 0) },
                "--max-iterations" => options with { MaxIterations = Count(name, value, minimum: 1) },
                "--data-dir" => options with { DataDir = value },
                "--seed" => options with { Seed = Count(name, value, minimum: 0) },
                _ => throw new ArgumentException($"Unknown option {name}; known: --train-limit, --max-iterations, --data-dir, --seed."),
            };
        }

        return options;
    }

    private static int Count(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum
            ? count
            : throw new ArgumentException($"{name} must be a whole number >= {minimum}, not '{value}'.");
}
