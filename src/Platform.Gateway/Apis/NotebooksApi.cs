using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.Spec;
using Platform.Core.Notebooks;
using Platform.Gateway.Hosting;
using Platform.Gateway.Notebooks;

namespace Platform.Gateway.Apis;

public static class NotebooksApi
{
    public static RouteGroupBuilder MapNotebooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/notebooks").WithTags("Notebooks");
        api.MapPost("", StartAsync)
            .Accepts<NotebookRequest>("application/json")
            .WithSummary("Start a notebook: Jupyter on whole GPUs, reached through the gateway at its url once Ready");
        api.MapGet("", ListAsync).WithSummary("List notebooks, newest first");
        api.MapGet("{id}", GetAsync).WithSummary("One notebook");
        api.MapDelete("{id}", StopAsync).WithSummary("Stop a notebook: SIGTERM, grace period, then kill; its GPUs are freed");
        return api;
    }

    private static async Task<Results<Accepted<NotebookView>, ValidationProblem>> StartAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ImagesOptions> images, IOptions<NotebookOptions> options, NotebookAccess access)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = NotebookRequestParser.Parse(body);
        if (!parsed.IsValid)
        {
            return Problem(parsed.Errors);
        }

        var asked = parsed.Request!;
        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var errors = NotebookRequestValidator.Validate(asked, options.Value.Image, new SpecContext(new ImageAllowList(images.Value.Allowed), nodes));
        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var id = $"nb-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var notebook = await grains.GetGrain<INotebookGrain>(id).StartAsync(new NotebookStart
        {
            Image = asked.Image ?? options.Value.Image,
            Gpus = asked.Gpus,
            Cpus = asked.Cpus,
            MemoryMb = asked.MemoryMb,
            IdleTimeoutMinutes = asked.IdleTimeoutMinutes ?? options.Value.IdleTimeoutMinutes,
            User = access.UserOf(request.HttpContext),
        });
        return TypedResults.Accepted($"/api/notebooks/{id}", notebook);
    }

    private static async Task<Ok<NotebookView[]>> ListAsync(IGrainFactory grains)
    {
        var summaries = await grains.GetGrain<INotebookIndexGrain>(INotebookIndexGrain.Key).ListAsync();
        var notebooks = await Task.WhenAll(summaries.Select(summary => grains.GetGrain<INotebookGrain>(summary.Id).GetAsync()));
        return TypedResults.Ok(notebooks.OfType<NotebookView>().ToArray());
    }

    private static async Task<Results<Ok<NotebookView>, NotFound>> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<INotebookGrain>(id).GetAsync() is { } notebook ? TypedResults.Ok(notebook) : TypedResults.NotFound();

    /// <summary>Idempotent: stopping a notebook that has already ended answers 202 with it as it is.</summary>
    private static async Task<Results<Accepted<NotebookView>, NotFound>> StopAsync(string id, IGrainFactory grains)
    {
        var notebook = grains.GetGrain<INotebookGrain>(id);
        if (await notebook.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        await notebook.StopAsync();
        return TypedResults.Accepted($"/api/notebooks/{id}", (await notebook.GetAsync())!);
    }

    private static ValidationProblem Problem(IEnumerable<SpecError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(error => error.Field).ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()),
        title: "The request is invalid; nothing was stored.");
}
