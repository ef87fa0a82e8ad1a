namespace Platform.Grains.Identity;

[GenerateSerializer, Alias("platform.SessionState")]
public sealed class SessionState
{
    [Id(0)] public bool Ended { get; set; }
}
