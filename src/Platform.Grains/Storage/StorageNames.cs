namespace Platform.Grains.Storage;

/// <summary>The grain storage provider every platform grain uses.</summary>
public static class StorageNames
{
    public const string Platform = "platform";
}
