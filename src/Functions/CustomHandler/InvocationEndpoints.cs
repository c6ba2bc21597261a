using System.Text.Json;
using Microsoft.DurableTask.Client;
using Workflows.Durable;
using Workflows.Functions.Timers;

namespace Workflows.Functions.CustomHandler;

/// <summary>
/// The routes the Functions host posts non-HTTP triggers to (<c>POST /{functionName}</c>): each timer runs the same
/// <see cref="TimerFunction"/> the local scheduler runs; the queue trigger starts the process for a due durable timer (<see cref="WakeUpInvocation"/>).
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

    private static async Task<IResult> WakeUpAsync(InvocationRequest request, DurableTaskClient client, IServiceProvider services, TimeProvider time, CancellationToken cancellation) =>
        Results.Ok(Respond(await WakeUpInvocation.HandleAsync(request, client, services.GetService<IDueWorkNotices>(), time, cancellation).ConfigureAwait(false)));

    private static async Task<IResult> RunTimerAsync(TimerFunction timer, IServiceProvider services, TimeProvider time, CancellationToken cancellation)
    {
        var occurrence = time.GetUtcNow();
        await timer.Run(services, occurrence, cancellation).ConfigureAwait(false);
        return Results.Ok(Respond([$"Timer {timer.Name} ran for {occurrence:O}."]));
    }

    private static InvocationResponse Respond(IReadOnlyList<string> logs) =>
        new(new Dictionary<string, JsonElement>(), logs, null);
}
