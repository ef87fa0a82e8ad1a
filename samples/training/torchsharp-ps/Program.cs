using System.Runtime.InteropServices;
using Platform.Samples.TorchSharpPs;
using Platform.Samples.TorchSharpPs.Training;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(TrainOptions.Usage);
    return 0;
}

TrainOptions options;
try
{
    options = TrainOptions.Parse(args);
}
catch (FormatException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(TrainOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    return options.SingleProcess
        ? SingleProcessTraining.Run(options, stop.Token)
        : await DistributedTraining.RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // The platform stops tasks with SIGTERM (job cancelled or over): exit as a signalled process would.
    Console.Error.WriteLine("stopped by SIGTERM");
    return 143;
}
