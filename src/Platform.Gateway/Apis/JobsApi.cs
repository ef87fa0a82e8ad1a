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
using Platform.Gateway.Identity;
using Platform.Core.Identity;

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
        var api = app.MapGroup("api/jobs").WithTags("Jobs").RequireAuthorization();
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
            return ApiProblems.Invalid([new SpecError(IdempotencyKeyHeader, keyProblem)]);
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = JobSpecParser.Parse(body, request.ContentType);
        if (!parsed.IsValid)
        {
            return ApiProblems.Invalid(parsed.Errors);
        }

        var caller = request.HttpContext.Caller();
        var team = parsed.Spec!.Team ?? caller.Teams.FirstOrDefault();
        if (team is null)
        {
            return ApiProblems.Invalid([new SpecError("team", $"{caller.User} belongs to no team; name one in the spec.")]);
        }

        if (AccessResults.Refusal(caller, Act.Create, Resource.Job(team), $"jobs of team '{team}' (teams: {string.Join(", ", caller.Teams)})") is { } refusal)
        {
            return refusal;
        }

        var nodes = await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).GetNodesAsync();
        var accepted = JobSpecValidator.Check(parsed.Spec with { Team = team },
            new SpecContext(new ImageAllowList(images.Value.Allowed), nodes, scheduling.Value.Policy()));
        if (!accepted.IsValid)
        {
            return ApiProblems.Invalid(accepted.Errors);
        }

        var spec = accepted.Spec!;
        if (await SecretsApi.MissingSecretsAsync(grains, spec) is { Count: > 0 } missing)
        {
            return ApiProblems.Invalid(missing);
        }

        if (keys.Count == 1)
        {
            // A key is the caller's own: two users sending the same key make two jobs.
            var key = $"{caller.User}/{keys[0]}";
            var id = JobIds.ForKey(spec.Name, key);
            var submitted = await grains.GetGrain<IJobGrain>(id).SubmitAsync(spec, key, caller.User);
            return submitted.Job is { } job
                ? TypedResults.Created($"/api/jobs/{id}", job)
                : TypedResults.Problem($"Idempotency-Key '{keys[0]}' was used before for a different job spec; nothing was stored.",
                    statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key already used");
        }

        // 64 random bits: a taken id is all but impossible, and is refused by the job rather than shared.
        for (var attempt = 0; ; attempt++)
        {
            var id = JobIds.New(spec.Name);
            var submitted = await grains.GetGrain<IJobGrain>(id).SubmitAsync(spec, by: caller.User);
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
            return ApiProblems.Invalid(errors);
        }

        var caller = context.Caller();
        var page = await grains.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex)
            .ListAsync(new JobQuery(filter, team, after, limit, caller.IsAdmin ? null : caller.Teams));
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

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(string id, HttpContext context, IGrainFactory grains) =>
        await FindAsync(id, context, grains, Act.Read) switch
        {
            (_, { } refusal) => refusal,
            (var job, _) => TypedResults.Ok(job!),
        };

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var (before, refusal) = await FindAsync(id, context, grains, Act.Stop);
        if (refusal is not null)
        {
            return refusal;
        }

        var job = grains.GetGrain<IJobGrain>(id);
        if (!await job.CancelAsync(context.Caller().User))
        {
            return TypedResults.Problem(
                $"Job {id} already finished {before!.State}; nothing was changed.", statusCode: StatusCodes.Status409Conflict, title: "Job already finished");
        }

        return TypedResults.Accepted($"/api/jobs/{id}", (await job.GetAsync())!);
    }

    private static async Task<Results<Ok<LogPage>, ValidationProblem, ProblemHttpResult>> LogsAsync(
        string id, HttpContext context, IGrainFactory grains, string? task = null, long after = 0, int limit = DefaultLogLimit)
    {
        if (limit is < 1 or > MaxLogLimit || after < 0)
        {
            return ApiProblems.Invalid([new SpecError(after < 0 ? "after" : "limit",
                after < 0 ? "after must be 0 or a sequence number." : $"limit must be between 1 and {MaxLogLimit}.")]);
        }

        if ((await FindAsync(id, context, grains, Act.Read)).Refusal is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await grains.GetGrain<IJobLogGrain>(id).ReadAsync(task, after, limit));
    }

    private static async Task<Results<Ok<IReadOnlyList<JobEvent>>, ProblemHttpResult>> EventsAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if ((await FindAsync(id, context, grains, Act.Read)).Refusal is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await grains.GetGrain<IJobGrain>(id).GetEventsAsync());
    }

    private static async Task<Results<Ok<MetricsView>, ProblemHttpResult>> MetricsAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if ((await FindAsync(id, context, grains, Act.Read)).Refusal is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(new MetricsView(await grains.GetGrain<IJobLogGrain>(id).GetMetricsAsync()));
    }

    /// <summary>The job if the caller may <paramref name="act"/> on it; else the refusal, a job of another team reading as no job at all.</summary>
    private static async Task<(JobView? Job, ProblemHttpResult? Refusal)> FindAsync(string id, HttpContext context, IGrainFactory grains, Act act)
    {
        var job = await grains.GetGrain<IJobGrain>(id).GetAsync();
        if (job is null)
        {
            return (null, AccessResults.NotFound());
        }

        return (job, AccessResults.Refusal(context.Caller(), act, Resource.Job(job.Team), $"job '{id}'"));
    }
}
