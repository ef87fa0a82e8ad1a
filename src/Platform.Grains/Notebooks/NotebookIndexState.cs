using Platform.Contracts.Notebooks;

namespace Platform.Grains.Notebooks;

[GenerateSerializer, Alias("platform.NotebookIndexState")]
public sealed class NotebookIndexState
{
    [Id(0)] public Dictionary<string, NotebookSummary> Notebooks { get; set; } = [];
}
