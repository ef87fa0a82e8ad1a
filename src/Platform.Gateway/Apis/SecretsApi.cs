using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Jobs;
using Platform.Contracts.Secrets;
using Platform.Core.Identity;
using Platform.Core.Jobs.Spec;
using Platform.Core.Secrets;
using Platform.Gateway.Doors;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Apis;

/// <summary>
/// <c>/api/teams/{team}/secrets</c>: the team's members write and remove secrets, the team reads their
/// names and dates; a value goes in and never comes out. Other teams get 404.
/// </summary>
public static class SecretsApi
{
    /// <summary>
    /// The largest body of a secret write: <see cref="SecretLimits.MaxBodyBytes"/>, a fixed limit, refused
    /// before it is read.
    /// </summary>
    public static readonly BodyLimit Body = new(_ => SecretLimits.MaxBodyBytes, $"{nameof(SecretLimits)}.{nameof(SecretLimits.MaxBodyBytes)}", Buffered: true);

    public static RouteGroupBuilder MapSecretsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/teams/{team}/secrets").WithTags("Secrets").RequireAuthorization();
        api.MapPost("", SetAsync).Accepts<SecretBody>("application/json")
            .WithSummary("Create or replace a secret of the team (members of the team); the value is never shown again");
        api.MapGet("", ListAsync).WithSummary("The team's secrets: names and dates, never values");
        api.MapDelete("{name}", DeleteAsync).WithSummary("Remove a secret of the team (members of the team)");
        return api;
    }

    /// <summary>Errors for each <c>secretEnv</c> entry of <paramref name="spec"/> naming a secret its team does not have.</summary>
    public static async Task<IReadOnlyList<SpecError>> MissingSecretsAsync(IGrainFactory grains, JobSpec spec)
    {
        var names = SecretReferences.Names(spec);
        if (names.Count == 0)
        {
            return [];
        }

        var team = spec.Team ?? JobSpecDefaults.Team;
        var existing = await grains.GetGrain<ITeamSecretsGrain>(team).ListAsync();
        return SecretReferences.Missing(spec, team, existing.Select(secret => secret.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static async Task<Results<Created<SecretInfo>, Ok<SecretInfo>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string team, HttpRequest request, IGrainFactory grains)
    {
        var caller = request.HttpContext.Caller();
        if (Refusal(caller, Act.Create, team) is { } refusal)
        {
            return refusal;
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var (asked, errors) = SecretRequestParser.Parse(body);
        if (asked is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var secrets = grains.GetGrain<ITeamSecretsGrain>(team);
        var written = await secrets.SetAsync(asked.Name, new SecretText(asked.Value), caller.User);
        if (written == SecretWrite.TooMany)
        {
            return ApiProblems.Invalid([new SpecError("name",
                $"team '{team}' has {SecretLimits.MaxPerTeam} secrets, the most a team may hold; delete one first")]);
        }

        var info = (await secrets.ListAsync()).Single(secret => secret.Name == asked.Name);
        return written == SecretWrite.Created
            ? TypedResults.Created($"/api/teams/{team}/secrets/{asked.Name}", info)
            : TypedResults.Ok(info);
    }

    private static async Task<Results<Ok<IReadOnlyList<SecretInfo>>, ProblemHttpResult>> ListAsync(string team, HttpContext context, IGrainFactory grains)
    {
        if (Refusal(context.Caller(), Act.Read, team) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await grains.GetGrain<ITeamSecretsGrain>(team).ListAsync());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string team, string name, HttpContext context, IGrainFactory grains)
    {
        if (Refusal(context.Caller(), Act.Stop, team) is { } refusal)
        {
            return refusal;
        }

        return SecretNames.IsValid(name) && await grains.GetGrain<ITeamSecretsGrain>(team).DeleteAsync(name)
            ? TypedResults.NoContent()
            : AccessResults.NotFound();
    }

    /// <summary>The policy's answer; a team name that cannot exist is a 404 like any team the caller is not in.</summary>
    private static ProblemHttpResult? Refusal(Caller caller, Act act, string team) => IdentityNames.IsTeam(team)
        ? AccessResults.Refusal(caller, act, Resource.Secrets(team), $"the secrets of team '{team}'")
        : AccessResults.NotFound();
}
