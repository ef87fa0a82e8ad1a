namespace Platform.Contracts.Notebooks;

/// <summary>Every notebook and its state, kept by the notebooks themselves (single activation, key "all").</summary>
public interface INotebookIndexGrain : IGrainWithStringKey
{
    const string Key = "all";

    Task UpsertAsync(NotebookSummary summary);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<NotebookSummary>> ListAsync();

    /// <summary>Wakes every notebook that has not ended, so their checks run again after a restart.</summary>
    Task ResumeAsync();
}

[GenerateSerializer, Immutable, Alias("platform.NotebookSummary")]
public sealed record NotebookSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] NotebookState State,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string? User = null);
