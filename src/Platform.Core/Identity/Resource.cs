namespace Platform.Core.Identity;

/// <summary>What is acted on, with the facts the policy needs: the team of a job or secret, the owner of a notebook.</summary>
public sealed record Resource(ResourceKind Kind, string? Team = null, string? Owner = null)
{
    public static Resource Job(string? team) => new(ResourceKind.Job, Team: team);

    public static Resource Notebook(string owner) => new(ResourceKind.Notebook, Owner: owner);

    public static Resource Secrets(string team) => new(ResourceKind.Secret, Team: team);

    public static readonly Resource Node = new(ResourceKind.Node);

    public static readonly Resource Image = new(ResourceKind.Image);

    public static readonly Resource Token = new(ResourceKind.Token);
}

public enum ResourceKind
{
    Job,
    Notebook,
    Node,
    Image,
    Token,
    Secret,
}
