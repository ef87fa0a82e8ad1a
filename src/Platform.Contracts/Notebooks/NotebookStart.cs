namespace Platform.Contracts.Notebooks;

/// <summary>A validated <c>POST /api/notebooks</c>, with the image resolved and the caller named.</summary>
[GenerateSerializer, Immutable, Alias("platform.NotebookStart")]
public sealed record NotebookStart
{
    [Id(0)] public required string Image { get; init; }
    [Id(1)] public int Gpus { get; init; }
    [Id(2)] public double Cpus { get; init; }
    [Id(3)] public int MemoryMb { get; init; }
    [Id(4)] public int IdleTimeoutMinutes { get; init; }
    /// <summary>Whose notebook: its work directory is that user's volume.</summary>
    [Id(5)] public required string User { get; init; }
}
