namespace Platform.Grains.Storage;

public static class StateWrites
{
    /// <summary>
    /// Writes the grain's state; when the write fails, the grain is deactivated, so its next call
    /// reads back what storage kept rather than answer from memory that ran ahead of it.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainContext grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        var written = false;
        try
        {
            await state.WriteStateAsync();
            written = true;
        }
        finally
        {
            if (!written)
            {
                grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Its state could not be written."));
            }
        }
    }
}
