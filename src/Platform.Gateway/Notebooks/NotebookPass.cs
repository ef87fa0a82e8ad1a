using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Who was let into one notebook on its own origin: carried, protected, by the sign-in ticket and
/// then by the notebook's cookie. <see cref="TokenHash"/> is that of the API token the session was
/// made from, so revoking the token ends this too.
/// </summary>
public sealed record NotebookPass(string NotebookId, string User, Role Role, IReadOnlyList<string> Teams, string? TokenHash)
{
    public Caller Caller => new(User, Role, Teams);
}
