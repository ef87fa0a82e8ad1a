namespace Platform.Samples.TorchSharpPs.Tests;

public sealed class TrainOptionsTests
{
    [Fact]
    public void Every_option_is_read_and_later_ones_win()
    {
        var options = TrainOptions.Parse([
            "--epochs", "3", "--max-steps", "200", "--batch-size", "32", "--lr", "0.05", "--lr-schedule", "constant",
            "--momentum", "0.5", "--weight-decay", "0.0001", "--mode", "async", "--checkpoint-dir", "/tmp/ck",
            "--checkpoint-every", "40", "--single-process", "--workers", "4", "--seed", "9", "--data", "/data",
            "--threads", "3", "--log-every", "25", "--epochs", "1"]);

        Assert.Equal(
            (1, 200L, 32, 0.05, false, 0.5, 0.0001, true, "/tmp/ck", 40, true, 4, 9, "/data", 3, 25),
            (options.Epochs, options.MaxSteps, options.BatchSize, options.LearningRate, options.LinearDecay, options.Momentum,
             options.WeightDecay, options.Asynchronous, options.CheckpointDirectory, options.CheckpointEvery, options.SingleProcess,
             options.Workers, options.Seed, options.DataDirectory, options.Threads, options.LogEvery));
    }

    [Fact]
    public void Defaults_train_three_synchronous_epochs_with_a_decaying_rate()
    {
        var options = TrainOptions.Parse([]);

        Assert.Equal((3, (long?)null, 64, 0.1, true, 0.9, false, 2), (options.Epochs, options.MaxSteps, options.BatchSize,
            options.LearningRate, options.LinearDecay, options.Momentum, options.Asynchronous, options.Workers));
    }

    [Theory]
    [InlineData(new[] { "--mode", "sync" }, 0.1)]
    [InlineData(new[] { "--mode", "async" }, 0.05)]
    [InlineData(new[] { "--mode", "async", "--lr", "0.2" }, 0.2)]
    [InlineData(new[] { "--lr", "0.2", "--mode", "async" }, 0.2)]
    public void Asynchronous_mode_starts_at_half_the_rate_unless_told(string[] args, double rate) =>
        Assert.Equal(rate, TrainOptions.Parse(args).LearningRate);

    [Theory]
    [InlineData(new[] { "--epochs", "0" }, "--epochs must be at least 1, not '0'")]
    [InlineData(new[] { "--lr", "-1" }, "--lr must be a number >= 0, not '-1'")]
    [InlineData(new[] { "--lr", "0" }, "--lr must be a number > 0")]
    [InlineData(new[] { "--mode", "fast" }, "--mode must be sync or async, not 'fast'")]
    [InlineData(new[] { "--lr-schedule", "cosine" }, "--lr-schedule must be linear or constant, not 'cosine'")]
    [InlineData(new[] { "--seed", "x" }, "--seed must be an integer, not 'x'")]
    [InlineData(new[] { "--batch-size" }, "--batch-size needs a value")]
    [InlineData(new[] { "--bogus" }, "unknown option --bogus")]
    public void Bad_option_is_refused_naming_it(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => TrainOptions.Parse(args)).Message);

    [Fact]
    public void All_bad_options_are_named_at_once()
    {
        var error = Assert.Throws<FormatException>(() => TrainOptions.Parse(["--epochs", "0", "--mode", "x", "--bogus"]));

        Assert.Equal("--epochs must be at least 1, not '0'; --mode must be sync or async, not 'x'; unknown option --bogus", error.Message);
    }
}
