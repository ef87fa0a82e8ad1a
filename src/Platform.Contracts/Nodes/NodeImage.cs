namespace Platform.Contracts.Nodes;

/// <summary>
/// A framework image present on a node: a local image carrying the <c>platform.framework</c>
/// label, as the node's agent reports it.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.NodeImage")]
public sealed record NodeImage
{
    /// <summary>The engine's image id (<c>sha256:...</c>).</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>Its names (<c>platform/pytorch:2.6-cpu</c>); an untagged image has none.</summary>
    [Id(1)] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The <c>platform.framework</c> label: <c>pytorch</c>, <c>mlnet</c>, <c>torchsharp</c>...</summary>
    [Id(2)] public required string Framework { get; init; }
    /// <summary>The <c>platform.framework.version</c> label; empty when the image has none.</summary>
    [Id(3)] public string FrameworkVersion { get; init; } = "";
    [Id(4)] public long SizeBytes { get; init; }
    [Id(5)] public DateTimeOffset Created { get; init; }

    /// <summary>Equal when every field is, the tags compared in order (a record alone compares the list by reference).</summary>
    public bool Equals(NodeImage? other) =>
        other is not null && Id == other.Id && Tags.SequenceEqual(other.Tags) && Framework == other.Framework &&
        FrameworkVersion == other.FrameworkVersion && SizeBytes == other.SizeBytes && Created == other.Created;

    public override int GetHashCode() => HashCode.Combine(Id, Framework, FrameworkVersion, SizeBytes, Created);
}
