using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;

namespace Workflows.Functions.Api;

/// <summary>The Durable Functions instance management API under <c>/runtime/webhooks/durabletask</c>, same URLs and JSON.</summary>
public static class ManagementEndpoints
{
    /// <summary>The header that carries the query's continuation token, both ways.</summary>
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>Maps the management routes.</summary>
    public static IEndpointRouteBuilder MapManagementEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ManagementUrls.Prefix + "/instances").AddEndpointFilter<FunctionKeyFilter>().WithTags("Management");
        group.MapGet("/{instanceId}", GetStatusAsync).WithName("GetInstanceStatus")
            .WithSummary("An instance's status: 202 while it runs, 200 when finished, 404 when unknown.");
        group.MapGet("/", QueryAsync).WithName("QueryInstances")
            .WithSummary("Instances by runtimeStatus, instanceIdPrefix, createdTimeFrom/To and top; paged with x-ms-continuation-token.");
        group.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("RaiseEvent")
            .WithSummary("Raises an event; the body is its payload.");
        group.MapPost("/{instanceId}/terminate", TerminateAsync).WithName("TerminateInstance");
        group.MapPost("/{instanceId}/suspend", SuspendAsync).WithName("SuspendInstance");
        group.MapPost("/{instanceId}/resume", ResumeAsync).WithName("ResumeInstance");
        group.MapDelete("/{instanceId}", PurgeOneAsync).WithName("PurgeInstanceHistory");
        group.MapDelete("/", PurgeManyAsync).WithName("PurgeInstancesHistory");
        return routes;
    }

    private static async Task<IResult> GetStatusAsync(
        string instanceId, bool? showHistory, bool? showInput, HttpContext http, DurableTaskClient client,
        IOptions<FunctionsHostSettings> settings, CancellationToken cancellation)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        var history = showHistory == true ? await client.GetOrchestrationHistoryAsync(instanceId, cancellation).ConfigureAwait(false) : null;
        var payload = InstanceStatusPayload.From(metadata, showInput ?? true, history);
        if (metadata.IsCompleted)
        {
            return Results.Ok(payload);
        }

        http.Response.Headers.RetryAfter = "10";
        return Results.Accepted(OrchestratorEndpoints.Urls(http, settings.Value).CheckStatus(instanceId).StatusQueryGetUri, payload);
    }

    private static async Task<IResult> QueryAsync(
        string? runtimeStatus, string? instanceIdPrefix, DateTimeOffset? createdTimeFrom, DateTimeOffset? createdTimeTo, int? top, bool? showInput,
        HttpContext http, DurableTaskClient client, CancellationToken cancellation)
    {
        if (top is < 1)
        {
            throw new ArgumentException("top must be a positive number.", nameof(top));
        }

        var query = new OrchestrationQuery
        {
            Statuses = ParseStatuses(runtimeStatus),
            InstanceIdPrefix = instanceIdPrefix,
            CreatedFrom = createdTimeFrom,
            CreatedTo = createdTimeTo,
            PageSize = top ?? OrchestrationQuery.DefaultPageSize,
            FetchInputsAndOutputs = true,
        };
        var token = http.Request.Headers[ContinuationHeader].ToString();
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(string.IsNullOrEmpty(token) ? null : token, query.PageSize).ConfigureAwait(false))
        {
            if (page.ContinuationToken is not null)
            {
                http.Response.Headers[ContinuationHeader] = page.ContinuationToken;
            }

            return Results.Ok(page.Values.Select(m => InstanceStatusPayload.From(m, showInput ?? false, null)).ToList());
        }

        return Results.Ok(Array.Empty<InstanceStatusPayload>());
    }

    private static async Task<IResult> RaiseEventAsync(
        string instanceId, string eventName, HttpRequest request, DurableTaskClient client, IOptions<FunctionsHostSettings> settings,
        CancellationToken cancellation)
    {
        var payload = await RequestBody.ReadJsonAsync(request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
        return await WhenRunningAsync(client, instanceId, () => client.RaiseEventAsync(instanceId, eventName, payload, cancellation), cancellation)
            .ConfigureAwait(false);
    }

    private static Task<IResult> TerminateAsync(string instanceId, string? reason, DurableTaskClient client, CancellationToken cancellation) =>
        WhenRunningAsync(client, instanceId, () => client.TerminateInstanceAsync(instanceId, reason, cancellation), cancellation);

    private static Task<IResult> SuspendAsync(string instanceId, string? reason, DurableTaskClient client, CancellationToken cancellation) =>
        WhenRunningAsync(client, instanceId, () => client.SuspendInstanceAsync(instanceId, reason, cancellation), cancellation);

    private static Task<IResult> ResumeAsync(string instanceId, string? reason, DurableTaskClient client, CancellationToken cancellation) =>
        WhenRunningAsync(client, instanceId, () => client.ResumeInstanceAsync(instanceId, reason, cancellation), cancellation);

    private static async Task<IResult> PurgeOneAsync(string instanceId, DurableTaskClient client, CancellationToken cancellation)
    {
        var metadata = await client.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (!metadata.IsCompleted)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance has not finished",
                detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus}; terminate it before purging its history.");
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static async Task<IResult> PurgeManyAsync(
        string? runtimeStatus, DateTimeOffset? createdTimeFrom, DateTimeOffset? createdTimeTo, DurableTaskClient client, CancellationToken cancellation)
    {
        var result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(createdTimeFrom, createdTimeTo, ParseStatuses(runtimeStatus)), cancellation).ConfigureAwait(false);
        return result.PurgedInstanceCount == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No finished instances matched")
            : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    /// <summary>Runs an operator command on an unfinished instance: 404 when unknown, 410 when it has finished, else 202.</summary>
    private static async Task<IResult> WhenRunningAsync(DurableTaskClient client, string instanceId, Func<Task> command, CancellationToken cancellation)
    {
        var metadata = await client.GetInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (metadata.IsCompleted)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The instance has finished",
                detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus} and takes no more commands.");
        }

        await command().ConfigureAwait(false);
        return Results.Accepted();
    }

    private static IResult NotFound(string instanceId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such orchestration instance", detail: $"No instance has id '{instanceId}'.");

    private static List<OrchestrationRuntimeStatus>? ParseStatuses(string? runtimeStatus)
    {
        if (string.IsNullOrWhiteSpace(runtimeStatus))
        {
            return null;
        }

        return runtimeStatus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status) && Enum.IsDefined(status)
                ? status
                : throw new ArgumentException($"'{s}' is not a runtime status.", nameof(runtimeStatus)))
            .ToList();
    }
}
