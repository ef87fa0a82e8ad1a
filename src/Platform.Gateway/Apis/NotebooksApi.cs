using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.Spec;
using Platform.Core.Notebooks;
using Platform.Gateway.Hosting;
using Platform.Core.Identity;
using Platform.Gateway.Identity;
using Platform.Gateway.Notebooks;

namespace Platform.Gateway.Apis;

public static class NotebooksApi
{
    public static RouteGroupBuilder MapNotebooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/notebooks").WithTags("Notebooks").RequireAuthorization();
        api.MapPost("", StartAsync)
            .Accepts<NotebookRequest>("application/json")
            .WithSummary("Start a notebook: Jupyter on whole GPUs, reached through the gateway at its url once Ready");
        api.MapGet("", ListAsync).WithSummary("List notebooks, newest first");
        api.MapGet("{id}", GetAsync).WithSummary("One notebook");
        api.MapDelete("{id}", StopAsync).WithSummary("Stop a notebook: SIGTERM, grace period, then kill; its GPUs are freed");
        return api;
    }

    private static async Task<Results<Accepted<NotebookView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ImagesOptions> images, IOptions<NotebookOptions> options, NotebookUrls urls)
    {
        var caller = request.HttpContext.Caller();
        if (AccessResults.Refusal(caller, Act.Create, Resource.Notebook(caller.User), "notebooks") is { } refusal)
        {
            return refusal;
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = NotebookRequestParser.Parse(body);
        if (!parsed.IsValid)
        {
            return ApiProblems.Invalid(parsed.Errors);
        }

        var asked = parsed.Request!;
        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var errors = NotebookRequestValidator.Validate(asked, options.Value.Image, new SpecContext(new ImageAllowList(images.Value.Allowed), nodes));
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = $"nb-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var notebook = await grains.GetGrain<INotebookGrain>(id).StartAsync(new NotebookStart
        {
            Image = asked.Image ?? options.Value.Image,
            Gpus = asked.Gpus,
            Cpus = asked.Cpus,
            MemoryMb = asked.MemoryMb,
            IdleTimeoutMinutes = asked.IdleTimeoutMinutes ?? options.Value.IdleTimeoutMinutes,
            User = caller.User,
        });
        return TypedResults.Accepted($"/api/notebooks/{id}", urls.For(notebook, request));
    }

    /// <summary>The caller's own notebooks; an admin's list has everyone's, to stop them.</summary>
    private static async Task<Ok<NotebookView[]>> ListAsync(HttpContext context, IGrainFactory grains, NotebookUrls urls)
    {
        var caller = context.Caller();
        var summaries = await grains.GetGrain<INotebookIndexGrain>(INotebookIndexGrain.Key).ListAsync();
        var notebooks = await Task.WhenAll(summaries.Select(summary => grains.GetGrain<INotebookGrain>(summary.Id).GetAsync()));
        return TypedResults.Ok(notebooks.OfType<NotebookView>()
            .Where(notebook => caller.Allows(Act.Read, Resource.Notebook(notebook.User ?? "")))
            .Select(notebook => urls.For(notebook, context.Request)).ToArray());
    }

    private static async Task<Results<Ok<NotebookView>, ProblemHttpResult>> GetAsync(string id, HttpContext context, IGrainFactory grains, NotebookUrls urls) =>
        await FindAsync(id, context, grains, Act.Read) switch
        {
            (_, { } refusal) => refusal,
            (var notebook, _) => TypedResults.Ok(urls.For(notebook!, context.Request)),
        };

    /// <summary>Idempotent: stopping a notebook that has already ended answers 202 with it as it is.</summary>
    private static async Task<Results<Accepted<NotebookView>, ProblemHttpResult>> StopAsync(string id, HttpContext context, IGrainFactory grains, NotebookUrls urls)
    {
        if ((await FindAsync(id, context, grains, Act.Stop)).Refusal is { } refusal)
        {
            return refusal;
        }

        var notebook = grains.GetGrain<INotebookGrain>(id);
        await notebook.StopAsync();
        return TypedResults.Accepted($"/api/notebooks/{id}", urls.For((await notebook.GetAsync())!, context.Request));
    }

    /// <summary>The notebook if the caller may <paramref name="act"/> on it; another user's reads as no notebook at all.</summary>
    private static async Task<(NotebookView? Notebook, ProblemHttpResult? Refusal)> FindAsync(string id, HttpContext context, IGrainFactory grains, Act act)
    {
        var notebook = await grains.GetGrain<INotebookGrain>(id).GetAsync();
        if (notebook is null)
        {
            return (null, AccessResults.NotFound());
        }

        return (notebook, AccessResults.Refusal(context.Caller(), act, Resource.Notebook(notebook.User ?? ""), $"notebook '{id}'"));
    }
}
