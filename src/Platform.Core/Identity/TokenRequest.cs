using Platform.Contracts.Identity;

namespace Platform.Core.Identity;

/// <summary>The body of <c>POST /api/tokens</c>, read and checked.</summary>
public sealed record TokenRequest(string User, Role Role, IReadOnlyList<string> Teams, DateTimeOffset? ExpiresAt);
