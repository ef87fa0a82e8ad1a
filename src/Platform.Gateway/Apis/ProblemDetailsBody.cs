namespace Platform.Gateway.Apis;

/// <summary>An RFC 7807 body for errors that are not about a field.</summary>
public sealed record ProblemDetailsBody(string Title, string Detail, int Status);
