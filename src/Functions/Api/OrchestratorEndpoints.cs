using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;

namespace Workflows.Functions.Api;

/// <summary>Starting orchestrations over HTTP, the way a Durable Functions HTTP starter does.</summary>
public static class OrchestratorEndpoints
{
    /// <summary>Maps <c>POST /api/orchestrators/{name}[/{instanceId}]</c>.</summary>
    public static IEndpointRouteBuilder MapOrchestratorEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orchestrators").AddEndpointFilter<FunctionKeyFilter>().WithTags("Orchestrations");
        group.MapPost("/{name}/{instanceId?}", StartAsync)
            .WithName("StartOrchestration")
            .WithSummary("Starts an orchestration; the body is its input. Answers 202 with the check-status payload.")
            .Produces<CheckStatusPayload>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<IResult> StartAsync(
        string name,
        string? instanceId,
        HttpContext http,
        DurableTaskClient client,
        OrchestratorNames orchestrators,
        IOptions<FunctionsHostSettings> settings,
        CancellationToken cancellation)
    {
        if (!orchestrators.Contains(name))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such orchestrator",
                detail: $"No orchestrator named '{name}' is registered.");
        }

        var input = await RequestBody.ReadJsonAsync(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId), cancellation).ConfigureAwait(false);
        var payload = Urls(http, settings.Value).CheckStatus(id);
        http.Response.Headers.RetryAfter = "10";
        return Results.Accepted(payload.StatusQueryGetUri, payload);
    }

    internal static ManagementUrls Urls(HttpContext http, FunctionsHostSettings settings)
    {
        var request = http.Request;
        var code = request.Headers.TryGetValue(FunctionKeyFilter.Header, out var header) ? header.ToString() : request.Query["code"].ToString();
        return new ManagementUrls(request, settings.TaskHub, string.IsNullOrEmpty(code) ? null : code);
    }
}
