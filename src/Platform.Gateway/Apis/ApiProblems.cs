using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Jobs.Spec;

namespace Platform.Gateway.Apis;

/// <summary>The 400 of every API: each bad field named, nothing stored.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(IEnumerable<SpecError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(error => error.Field).ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()),
        title: "The request is invalid; nothing was stored.");
}
