namespace Platform.Cli;

/// <summary>What <c>platform</c> exits with; scripts depend on these.</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>submit --follow</c>, the job succeeded.</summary>
    public const int Success = 0;

    /// <summary>The job failed or was cancelled, the job was not found, or the platform could not be reached.</summary>
    public const int Failure = 1;

    /// <summary>The platform refused the request (an invalid spec), or the command line was wrong.</summary>
    public const int Invalid = 2;

    /// <summary>The platform does not offer this feature (notebooks) yet.</summary>
    public const int Unavailable = 3;

    /// <summary>Stopped by Ctrl+C, as shells report it (128 + SIGINT); a followed job goes on.</summary>
    public const int Interrupted = 130;
}
