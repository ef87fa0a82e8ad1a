namespace Platform.E2E.Tests.Infrastructure;

public static class Samples
{
    /// <summary>The README's sample job: chief, two ps, three workers with one GPU each.</summary>
    public static string HelloPsJob => File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "hello-ps", "job.yaml"));

    /// <summary>The job file of a training sample: <c>samples/training/{sample}/job.yaml</c>.</summary>
    public static string TrainingJob(string sample) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "training", sample, "job.yaml"));

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
