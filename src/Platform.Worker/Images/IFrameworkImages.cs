using Platform.Contracts.Nodes;

namespace Platform.Worker.Images;

/// <summary>The framework images this node has: local images carrying the <c>platform.framework</c> label.</summary>
public interface IFrameworkImages
{
    Task<IReadOnlyList<NodeImage>> ListAsync(CancellationToken cancellationToken);
}
