using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Platform.Samples.MLNet;

// A single-task ML.NET trainer: a linear multiclass model (SDCA maximum entropy) on Fashion-MNIST's
// pixels, scored on the whole test set. See README.md.
TrainerOptions options;
try
{
    options = TrainerOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var version = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
Console.WriteLine($"ml.net {version}");

var clock = Stopwatch.StartNew();
var train = IdxFile.ReadSplit(options.DataDir, "train", options.TrainLimit);
var test = IdxFile.ReadSplit(options.DataDir, "t10k", limit: 0);
Console.WriteLine($"read {train.Count} training and {test.Count} test images in {clock.Elapsed.TotalSeconds:F1} s");

var ml = new MLContext(seed: options.Seed);
var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
{
    LabelColumnName = "Key",
    FeatureColumnName = nameof(FashionImage.Pixels),
    MaximumNumberOfIterations = options.MaxIterations,
});
var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", nameof(FashionImage.Label)).Append(trainer);

clock.Restart();
var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"trained on {train.Count} images ({options.MaxIterations} SDCA iterations at most) in {seconds:F1} s: {train.Count / seconds:F0} samples/s");

var scored = model.Transform(ml.Data.LoadFromEnumerable(test));
var metrics = ml.MulticlassClassification.Evaluate(scored, labelColumnName: "Key");
var line = string.Create(CultureInfo.InvariantCulture,
    $$"""@metric {"step": {{train.Count}}, "test_accuracy": {{metrics.MicroAccuracy:F4}}, "macro_accuracy": {{metrics.MacroAccuracy:F4}}, "log_loss": {{metrics.LogLoss:F4}}}""");
Console.WriteLine(line);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {metrics.MicroAccuracy:F4}"));
return 0;
