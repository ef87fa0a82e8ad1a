namespace Platform.Cli.Notebooks;

/// <summary>The body of <c>POST /api/notebooks</c>.</summary>
public sealed record NotebookRequest(string? Image, int Gpus, double Cpus, int MemoryMb);
