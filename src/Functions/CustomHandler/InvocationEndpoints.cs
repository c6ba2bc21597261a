using System.Text.Json;
using Workflows.Durable;
using Workflows.Durable.Storage;
using Workflows.Functions.Timers;

namespace Workflows.Functions.CustomHandler;

/// <summary>
/// The routes the Functions host posts non-HTTP triggers to (<c>POST /{functionName}</c>): each timer runs the same
/// <see cref="TimerFunction"/> the local scheduler runs; the queue trigger wakes the engine's worker.
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
    /// Runs the work a queued notice names, with the worker's own episode and activity code. A message that is not
    /// a notice is set aside on the poison queue at once (retrying cannot help); a failure while running answers
    /// 500 so the host retries and, after its maximum dequeue count, moves the message to the poison queue itself.
    /// </summary>
    private static async Task<IResult> WakeUpAsync(
        InvocationRequest request, DurableTaskWorker worker, IOrchestrationStore store, CancellationToken cancellation)
    {
        var text = request.Data is { } data && data.TryGetValue(FunctionManifest.WakeUpBinding, out var message)
            ? message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText()
            : null;
        WorkNotice notice;
        try
        {
            notice = WorkNotice.Parse(text ?? string.Empty);
        }
        catch (FormatException)
        {
            if (store is IWorkNoticeQueue queue && text is not null)
            {
                await queue.SetAsideAsync(text, "not a work notice", cancellation).ConfigureAwait(false);
            }

            store.Signals.Notify(StoreChanges.OrchestrationWork | StoreChanges.ActivityWork);
            return Results.Ok(Respond(["The queued message was not a work notice; it was set aside and the worker woken."]));
        }

        var outcome = await worker.ProcessNoticeAsync(notice, cancellation).ConfigureAwait(false);
        return Results.Ok(Respond([$"{notice.Kind} work notice: {outcome}."]));
    }

    private static async Task<IResult> RunTimerAsync(TimerFunction timer, IServiceProvider services, TimeProvider time, CancellationToken cancellation)
    {
        var occurrence = time.GetUtcNow();
        await timer.Run(services, occurrence, cancellation).ConfigureAwait(false);
        return Results.Ok(Respond([$"Timer {timer.Name} ran for {occurrence:O}."]));
    }

    private static InvocationResponse Respond(IReadOnlyList<string> logs) =>
        new(new Dictionary<string, JsonElement>(), logs, null);
}
