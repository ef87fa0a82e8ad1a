using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>
/// Progress as the platform reads it: <c>@metric {"step": N, "loss": x, ...}</c> lines (each field
/// becomes a series of the task). <c>loss</c> is the mean training loss since the last line,
/// <c>samples_per_sec</c> the training rate since then (evaluation time left out).
/// </summary>
public sealed class MetricLine
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _samples;
    private double _lossSum;
    private int _losses;

    /// <summary>Counts trained samples (of the whole job, where the caller knows them) and a batch's loss.</summary>
    public void Trained(long samples, double loss)
    {
        _samples += samples;
        _lossSum += loss;
        _losses++;
    }

    /// <summary>Time spent not training (evaluating) is left out of the next rate.</summary>
    public T Pause<T>(Func<T> action)
    {
        _clock.Stop();
        try
        {
            return action();
        }
        finally
        {
            _clock.Start();
        }
    }

    public void Print(long step, (double Loss, double Accuracy)? test = null)
    {
        var fields = new Dictionary<string, double> { ["step"] = step };
        if (_losses > 0)
        {
            fields["loss"] = Math.Round(_lossSum / _losses, 5);
        }

        if (test is var (testLoss, accuracy))
        {
            fields["test_loss"] = Math.Round(testLoss, 5);
            fields["accuracy"] = Math.Round(accuracy, 5);
        }

        var seconds = _clock.Elapsed.TotalSeconds;
        if (_samples > 0 && seconds > 0)
        {
            fields["samples_per_sec"] = Math.Round(_samples / seconds, 1);
        }

        Console.WriteLine("@metric " + JsonSerializer.Serialize(fields));
        (_samples, _lossSum, _losses) = (0, 0, 0);
        _clock.Restart();
    }

    /// <summary>The closing line scripts grep: <c>test accuracy: 0.9123</c>.</summary>
    public static void PrintFinal(double accuracy) =>
        Console.WriteLine("test accuracy: " + accuracy.ToString("F4", CultureInfo.InvariantCulture));
}
