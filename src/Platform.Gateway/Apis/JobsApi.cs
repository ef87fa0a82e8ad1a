using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Spec;
using Platform.Core.Scheduling;
using Platform.Gateway.Doors;
using Platform.Gateway.Hosting;

namespace Platform.Gateway.Apis;

public static class JobsApi
{
    /// <summary>The client's key that makes a submit safe to retry (RFC draft httpapi-idempotency-key-header).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int DefaultListLimit = 100;
    private const int MaxListLimit = 1000;
    private const int DefaultLogLimit = 1000;
    private const int MaxLogLimit = 10_000;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/jobs").WithTags("Jobs");
        api.MapPost("", SubmitAsync)
            .RequireRateLimiting(DoorsExtensions.SubmitPolicy)
            .Accepts<JobSpec>("application/json", "application/yaml", "application/x-yaml", "text/yaml")
            .WithSummary("Submit a job spec (JSON or YAML)");
        api.MapGet("", ListAsync).WithSummary("List jobs, newest first");
        api.MapGet("{id}", GetAsync).WithSummary("One job");
        api.MapPost("{id}/cancel", CancelAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Cancel: SIGTERM, grace period, then kill");
        api.MapGet("{id}/logs", LogsAsync).WithSummary("Log lines, oldest first");
        api.MapGet("{id}/events", EventsAsync).WithSummary("The job's timeline");
        api.MapGet("{id}/metrics", MetricsAsync).WithSummary("Series the tasks reported with @metric lines");
        return api;
    }

    private static async Task<Results<Created<JobView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ImagesOptions> images, IOptions<SchedulingOptions> scheduling)
    {
        var keys = request.Headers[IdempotencyKeyHeader];
        var keyProblem = keys.Count switch
        {
            0 => null,
            1 => JobIds.KeyProblem(keys[0]!),
            _ => "Send one Idempotency-Key header, not several.",
        };
        if (keyProblem is not null)
        {
            return Problem([new SpecError(IdempotencyKeyHeader, keyProblem)]);
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = JobSpecParser.Parse(body, request.ContentType);
        if (!parsed.IsValid)
        {
            return Problem(parsed.Errors);
        }

        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var accepted = JobSpecValidator.Check(parsed.Spec!, new SpecContext(new ImageAllowList(images.Value.Allowed), nodes, scheduling.Value.Policy()));
        if (!accepted.IsValid)
        {
            return Problem(accepted.Errors);
        }

        var spec = accepted.Spec!;
        if (keys.Count == 1)
        {
            var id = JobIds.ForKey(spec.Name, keys[0]!);
            var submitted = await grains.GetGrain<IJobGrain>(id).SubmitAsync(spec, keys[0]);
            return submitted.Job is { } job
                ? TypedResults.Created($"/api/jobs/{id}", job)
                : TypedResults.Problem($"Idempotency-Key '{keys[0]}' was used before for a different job spec; nothing was stored.",
                    statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key already used");
        }

        // 64 random bits: a taken id is all but impossible, and is refused by the job rather than shared.
        for (var attempt = 0; ; attempt++)
        {
            var id = JobIds.New(spec.Name);
            var submitted = await grains.GetGrain<IJobGrain>(id).SubmitAsync(spec);
            if (submitted.Outcome == SubmitOutcome.Created || attempt == 2)
            {
                return TypedResults.Created($"/api/jobs/{id}", submitted.Job
                    ?? throw new InvalidOperationException($"Three random job ids were taken for {spec.Name}."));
            }
        }
    }

    private static async Task<Results<Ok<JobView[]>, ValidationProblem>> ListAsync(
        HttpContext context, IGrainFactory grains, string? state = null, string? team = null, int limit = DefaultListLimit, string? cursor = null)
    {
        var errors = new List<SpecError>();
        JobState? filter = null;
        if (state is not null)
        {
            if (Enum.TryParse<JobState>(state, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                filter = parsed;
            }
            else
            {
                errors.Add(new SpecError("state", $"Unknown job state '{state}'; use one of {string.Join(", ", Enum.GetNames<JobState>())}."));
            }
        }

        if (limit is < 1 or > MaxListLimit)
        {
            errors.Add(new SpecError("limit", $"limit must be between 1 and {MaxListLimit}."));
        }

        JobCursor? after = null;
        if (cursor is not null && !JobCursors.TryParse(cursor, out after))
        {
            errors.Add(new SpecError("cursor", "cursor must be the value of a previous page's next link."));
        }

        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var page = await grains.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).ListAsync(new JobQuery(filter, team, after, limit));
        if (page.Next is { } next)
        {
            var query = QueryString.Create([
                new("limit", limit.ToString(CultureInfo.InvariantCulture)), new("cursor", JobCursors.Format(next)),
                .. state is null ? [] : new KeyValuePair<string, string?>[] { new("state", state) },
                .. team is null ? [] : new KeyValuePair<string, string?>[] { new("team", team) }]);
            context.Response.Headers.Link = $"</api/jobs{query}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Jobs.ToArray());
    }

    private static async Task<Results<Ok<JobView>, NotFound>> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IJobGrain>(id).GetAsync() is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Accepted<JobView>, NotFound, ProblemHttpResult>> CancelAsync(string id, IGrainFactory grains)
    {
        var job = grains.GetGrain<IJobGrain>(id);
        if (await job.GetAsync() is not { } before)
        {
            return TypedResults.NotFound();
        }

        if (!await job.CancelAsync())
        {
            return TypedResults.Problem(
                $"Job {id} already finished {before.State}; nothing was changed.", statusCode: StatusCodes.Status409Conflict, title: "Job already finished");
        }

        return TypedResults.Accepted($"/api/jobs/{id}", (await job.GetAsync())!);
    }

    private static async Task<Results<Ok<LogPage>, NotFound, ValidationProblem>> LogsAsync(
        string id, IGrainFactory grains, string? task = null, long after = 0, int limit = DefaultLogLimit)
    {
        if (limit is < 1 or > MaxLogLimit || after < 0)
        {
            return Problem([new SpecError(after < 0 ? "after" : "limit",
                after < 0 ? "after must be 0 or a sequence number." : $"limit must be between 1 and {MaxLogLimit}.")]);
        }

        if (await grains.GetGrain<IJobGrain>(id).GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grains.GetGrain<IJobLogGrain>(id).ReadAsync(task, after, limit));
    }

    private static async Task<Results<Ok<IReadOnlyList<JobEvent>>, NotFound>> EventsAsync(string id, IGrainFactory grains)
    {
        var job = grains.GetGrain<IJobGrain>(id);
        if (await job.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await job.GetEventsAsync());
    }

    private static async Task<Results<Ok<MetricsView>, NotFound>> MetricsAsync(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IJobGrain>(id).GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new MetricsView(await grains.GetGrain<IJobLogGrain>(id).GetMetricsAsync()));
    }

    private static ValidationProblem Problem(IEnumerable<SpecError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(error => error.Field).ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray()),
        title: "The request is invalid; nothing was stored.");
}
