using Platform.Contracts.Notebooks;
using Platform.Grains.Storage;

namespace Platform.Grains.Notebooks;

/// <summary>The list of every notebook and its state, kept by the notebooks themselves.</summary>
public sealed class NotebookIndexGrain(
    [PersistentState("notebooks", StorageNames.Platform)] IPersistentState<NotebookIndexState> state) : Grain, INotebookIndexGrain
{
    public async Task UpsertAsync(NotebookSummary summary)
    {
        if (state.State.Notebooks.GetValueOrDefault(summary.Id) == summary)
        {
            return;
        }

        state.State.Notebooks[summary.Id] = summary;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<NotebookSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<NotebookSummary>>([.. state.State.Notebooks.Values.OrderByDescending(notebook => notebook.CreatedAt)]);

    public Task ResumeAsync()
    {
        foreach (var notebook in state.State.Notebooks.Values.Where(notebook => !notebook.State.IsFinished()))
        {
            _ = GrainFactory.GetGrain<INotebookGrain>(notebook.Id).WakeAsync();
        }

        return Task.CompletedTask;
    }
}
