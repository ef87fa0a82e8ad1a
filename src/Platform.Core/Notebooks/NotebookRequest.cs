namespace Platform.Core.Notebooks;

/// <summary>The body of <c>POST /api/notebooks</c> as read: <c>{ image?, gpus, cpus, memoryMb, idleTimeoutMinutes? }</c>.</summary>
public sealed record NotebookRequest(string? Image, int Gpus, double Cpus, int MemoryMb, int? IdleTimeoutMinutes);
