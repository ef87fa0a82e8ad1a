using System.Globalization;

namespace Platform.Training.TestHost;

/// <summary>The test host's command line: <c>--name value</c> pairs.</summary>
public sealed record HostArguments
{
    public long Steps { get; init; } = 60;

    public UpdateMode Mode { get; init; } = UpdateMode.Synchronous;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public float LearningRate { get; init; } = 0.05f;

    public float Momentum { get; init; } = 0.9f;

    public float WeightDecay { get; init; }

    public string? CheckpointDirectory { get; init; }

    public int CheckpointEvery { get; init; }

    public int MaxBlockElements { get; init; } = ParameterClientOptions.DefaultMaxBlockElements;

    public int StepDelayMilliseconds { get; init; }

    public string? ResultPath { get; init; }

    public long PauseChiefAtStep { get; init; } = -1;

    public string? ReleaseFile { get; init; }

    public int Inputs { get; init; } = 16;

    public int Outputs { get; init; } = 4;

    public int Batch { get; init; } = 8;

    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new HostArguments();
        for (var index = 0; index + 1 < args.Count; index += 2)
        {
            var value = args[index + 1];
            parsed = args[index] switch
            {
                "--steps" => parsed with { Steps = long.Parse(value, CultureInfo.InvariantCulture) },
                "--mode" => parsed with { Mode = value == "async" ? UpdateMode.Asynchronous : UpdateMode.Synchronous },
                "--optimizer" => parsed with { Optimizer = value == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd },
                "--lr" => parsed with { LearningRate = float.Parse(value, CultureInfo.InvariantCulture) },
                "--momentum" => parsed with { Momentum = float.Parse(value, CultureInfo.InvariantCulture) },
                "--weight-decay" => parsed with { WeightDecay = float.Parse(value, CultureInfo.InvariantCulture) },
                "--checkpoint-dir" => parsed with { CheckpointDirectory = value },
                "--checkpoint-every" => parsed with { CheckpointEvery = int.Parse(value, CultureInfo.InvariantCulture) },
                "--max-block" => parsed with { MaxBlockElements = int.Parse(value, CultureInfo.InvariantCulture) },
                "--step-delay-ms" => parsed with { StepDelayMilliseconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--result" => parsed with { ResultPath = value },
                "--pause-chief-at-step" => parsed with { PauseChiefAtStep = long.Parse(value, CultureInfo.InvariantCulture) },
                "--release-file" => parsed with { ReleaseFile = value },
                "--inputs" => parsed with { Inputs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--outputs" => parsed with { Outputs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch" => parsed with { Batch = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[index]}."),
            };
        }

        return parsed;
    }

    public OptimizerSettings OptimizerSettings() => Optimizer == OptimizerKind.Adam
        ? Training.OptimizerSettings.Adam(LearningRate, weightDecay: WeightDecay)
        : Training.OptimizerSettings.Sgd(LearningRate, Momentum, WeightDecay);
}
