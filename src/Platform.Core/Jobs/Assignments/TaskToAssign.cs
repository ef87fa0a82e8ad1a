namespace Platform.Core.Jobs.Assignments;

/// <summary>One task of the placement to assign: which attempt, and the node's GPU indexes it holds.</summary>
public sealed record TaskToAssign(string Type, int Index, int Attempt, IReadOnlyList<int> GpuIndexes);
