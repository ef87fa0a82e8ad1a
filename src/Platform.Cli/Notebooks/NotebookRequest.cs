namespace Platform.Cli.Notebooks;

/// <summary>The body of <c>POST /api/notebooks</c>; a null image or idle timeout leaves the platform's default.</summary>
public sealed record NotebookRequest(string? Image, int Gpus, double Cpus, int MemoryMb, int? IdleTimeoutMinutes);
