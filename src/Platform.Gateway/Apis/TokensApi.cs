using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Identity;
using Platform.Core.Identity;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Apis;

/// <summary><c>/api/tokens</c>: admins make, list and revoke API tokens. A token's text is shown once.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/tokens").WithTags("Tokens").RequireAuthorization();
        api.MapPost("", CreateAsync).Accepts<TokenRequestBody>("application/json").WithSummary("Make an API token (admins); its text is in this answer only");
        api.MapGet("", ListAsync).WithSummary("List API tokens (admins), without their text");
        api.MapDelete("{id}", RevokeAsync).WithSummary("Revoke an API token (admins)");
        return api;
    }

    private static async Task<Results<Created<TokenView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        var caller = request.HttpContext.Caller();
        if (AccessResults.Refusal(caller, Act.Create, Resource.Token, "way to make tokens") is { } refusal)
        {
            return refusal;
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var (asked, errors) = TokenRequestParser.Parse(body, time.GetUtcNow());
        if (asked is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var text = TokenText.New();
        var token = new ApiToken
        {
            Id = TokenText.NewId(),
            Hash = TokenText.Hash(text),
            User = asked.User,
            Role = asked.Role,
            Teams = asked.Teams,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = asked.ExpiresAt,
            CreatedBy = caller.User,
        };
        if (!await grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key).AddAsync(token))
        {
            throw new InvalidOperationException($"A new random token id {token.Id} was taken.");
        }

        return TypedResults.Created($"/api/tokens/{token.Id}", TokenView.Of(token) with { Token = text });
    }

    private static async Task<Results<Ok<TokenView[]>, ProblemHttpResult>> ListAsync(HttpContext context, IGrainFactory grains)
    {
        if (AccessResults.Refusal(context.Caller(), Act.Read, Resource.Token, "token list") is { } refusal)
        {
            return refusal;
        }

        var tokens = await grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key).ListAsync();
        return TypedResults.Ok(tokens.Select(TokenView.Of).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (AccessResults.Refusal(context.Caller(), Act.Stop, Resource.Token, $"token '{id}'") is { } refusal)
        {
            return refusal;
        }

        if (id == Grains.Identity.AdminTokenFile.TokenId)
        {
            return TypedResults.Problem(
                $"The admin token of the first start comes back at every start from {{Platform:DataDir}}/{Grains.Identity.AdminTokenFile.FileName}: "
                + "delete that file and restart the platform to replace it.",
                statusCode: StatusCodes.Status409Conflict, title: "The admin token is kept by its file");
        }

        return await grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key).RevokeAsync(id)
            ? TypedResults.NoContent()
            : AccessResults.NotFound();
    }
}
