namespace Platform.Core.Settings;

/// <summary>A settings class that can say what is wrong with its values.</summary>
public interface ICheckedSettings
{
    /// <summary>Every value out of its range, each message naming the key and the range; empty when all are good.</summary>
    IReadOnlyList<string> Problems();
}
