using Microsoft.Extensions.Options;
using Workflows.Functions.Hosting;
using Workflows.Functions.Security;
using Workflows.Network;
using Workflows.Waiting;

namespace Workflows.Functions.Api.Network;

/// <summary>What a network waits for from people, and "send reminder now".</summary>
public static class WaitingEndpoints
{
    /// <summary>Maps <c>GET /api/networks/{id}/waiting</c> and <c>POST /api/waiting/{instanceId}/remind</c>.</summary>
    public static IEndpointRouteBuilder MapWaitingEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<FunctionKeyFilter>().WithTags("Waiting");
        api.MapGet("/networks/{networkId}/waiting", async (string networkId, WaitingOnPeople waiting, CancellationToken cancellation) =>
                Results.Json(await waiting.ForAsync(networkId, cancellation).ConfigureAwait(false), ApiJson.Options))
            .WithSummary("Pending signatures, open questionnaires with who has not answered, awaited documents and open replacement requests.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/waiting/{instanceId}/remind", async (
                string instanceId, HttpContext http, IOptions<FunctionsHostSettings> settings, WaitingOnPeople waiting, CancellationToken cancellation) =>
            {
                var body = await ApiJson.ReadAsync<RemindBody>(http.Request, settings.Value.MaxRequestBodyBytes, cancellation).ConfigureAwait(false);
                if (body.RemindersSeen is not { } seen || seen < 0)
                {
                    throw new RegistryValidationException(nameof(RemindBody.RemindersSeen), "Give the number of reminders already sent, as the waiting list shows it (0 or more).");
                }

                return await waiting.RemindAsync(instanceId, seen, cancellation).ConfigureAwait(false) switch
                {
                    ReminderOutcome.Sent => Results.Accepted(),
                    ReminderOutcome.AlreadyReminded => Results.Problem(
                        $"Another reminder has gone since the {seen} seen; nothing more was sent.", statusCode: StatusCodes.Status409Conflict, title: "Already reminded"),
                    _ => Results.Problem(
                        $"'{instanceId}' is paused, finished or waits on nobody it can remind.", statusCode: StatusCodes.Status409Conflict, title: "Not waiting"),
                };
            })
            .WithSummary("Sends the next reminder now (to the signer, those who have not answered, the document's owner or the leader asked for a replacement).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>The reminders the caller saw sent; another reminder since then makes the request a conflict.</summary>
    /// <param name="RemindersSeen">As the waiting list gives it.</param>
    public sealed record RemindBody(int? RemindersSeen);
}
