namespace Platform.Core.Identity;

/// <summary>
/// The answer of <see cref="AccessPolicy"/>. <see cref="Hidden"/> answers 404: the caller may not
/// even learn that the resource exists (another team's job, another user's notebook).
/// </summary>
public enum Access
{
    Allowed,
    Forbidden,
    Hidden,
}
