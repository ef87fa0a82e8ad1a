using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>
/// One embedded platform shared by the framework tests, which run one after the other (each
/// trains real models on the 2 cores). Fails at once, naming the image, when scripts/images.sh
/// has not built the framework images.
/// </summary>
public sealed class FrameworksFixture : IAsyncLifetime
{
    public const string Collection = "frameworks";

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await DockerEngine.RequireImagesAsync([.. FrameworkImages.Ours.Select(image => image.Image)]);
        Platform = new PlatformProcess(fakeGpus: 0);
        await Platform.StartAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

[CollectionDefinition(FrameworksFixture.Collection)]
public sealed class FrameworksCollection : ICollectionFixture<FrameworksFixture>;
