using System.Text.Json;
using Workflows.Functions.Timers;

namespace Workflows.Functions.CustomHandler;

/// <summary>
/// The routes the Functions host posts non-HTTP triggers to (<c>POST /{functionName}</c>): each timer runs the same
/// <see cref="TimerFunction"/> the local scheduler runs; the queue trigger wakes the process.
/// </summary>
public static class InvocationEndpoints
{
    /// <summary>Maps one route per timer function and one for the engine wake-up.</summary>
    public static IEndpointRouteBuilder MapInvocationEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup(string.Empty).WithTags("Custom handler").ExcludeFromDescription();
        foreach (var timer in routes.ServiceProvider.GetServices<TimerFunction>())
        {
            group.MapPost("/" + timer.Name, (InvocationRequest request, IServiceProvider services, TimeProvider time, CancellationToken cancellation) =>
                RunTimerAsync(timer, services, time, cancellation));
        }

        group.MapPost("/" + FunctionManifest.WakeUpFunction, WakeUpAsync);
        return routes;
    }

    /// <summary>
    /// The queue trigger's delivery. The Functions host starts this process to deliver it, and a running process runs
    /// the backend's worker, which takes whatever is due from DurableTask.AzureStorage's own queues: being called is
    /// the wake-up, so the message is acknowledged as it is.
    /// </summary>
    private static IResult WakeUpAsync(InvocationRequest request) =>
        Results.Ok(Respond(["The backend's worker is running and takes due work from the task hub's queues."]));

    private static async Task<IResult> RunTimerAsync(TimerFunction timer, IServiceProvider services, TimeProvider time, CancellationToken cancellation)
    {
        var occurrence = time.GetUtcNow();
        await timer.Run(services, occurrence, cancellation).ConfigureAwait(false);
        return Results.Ok(Respond([$"Timer {timer.Name} ran for {occurrence:O}."]));
    }

    private static InvocationResponse Respond(IReadOnlyList<string> logs) =>
        new(new Dictionary<string, JsonElement>(), logs, null);
}
