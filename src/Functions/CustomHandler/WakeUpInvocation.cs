using System.Text.Json;
using Microsoft.DurableTask.Client;
using Workflows.Durable;

namespace Workflows.Functions.CustomHandler;

/// <summary>
/// The wake-up queue trigger's delivery of a due-work notice. The Functions host starts this process to deliver it,
/// and a running process runs the backend's worker, which takes the due timer from DurableTask.AzureStorage's own
/// queues. The invocation stays open until the instance has moved past the notice's time and gone quiet (or a few
/// minutes have passed), so the platform does not stop the app in the middle of the work it was started for. A notice
/// that came early (its timer is more than seven days off) is renewed for the rest of the wait.
/// </summary>
public static class WakeUpInvocation
{
    /// <summary>A notice this early or earlier is renewed rather than waited for.</summary>
    private static readonly TimeSpan Early = TimeSpan.FromMinutes(1);

    /// <summary>How long the instance must stay unchanged, once past the notice's time, to count as done with it.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    /// <summary>The longest an invocation waits: the Functions host's own timeout for a queue trigger is longer.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(4);

    /// <summary>Handles one delivery; returns what the invocation logs.</summary>
    public static async Task<IReadOnlyList<string>> HandleAsync(
        InvocationRequest request, DurableTaskClient client, IDueWorkNotices? notices, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var notice = DueWorkNotice.Parse(Message(request));
        if (notice is null)
        {
            return ["Woken without a due-work notice; the backend's worker takes what is due."];
        }

        var started = time.GetUtcNow();
        if (notice.DueAt > started + Early)
        {
            if (notices is not null)
            {
                await notices.NoticeAsync(notice.InstanceId, notice.DueAt, cancellation).ConfigureAwait(false);
            }

            return [$"A notice for {notice.DueAt:O} came early and was renewed."];
        }

        DateTimeOffset? lastChange = null;
        var quietSince = started;
        while (time.GetUtcNow() - started < LongestWait)
        {
            var instance = await client.GetInstanceAsync(notice.InstanceId, cancellation).ConfigureAwait(false);
            if (instance is null || instance.IsCompleted)
            {
                return ["The instance the notice was for has finished."];
            }

            if (instance.LastUpdatedAt != lastChange)
            {
                lastChange = instance.LastUpdatedAt;
                quietSince = time.GetUtcNow();
            }
            else if (lastChange >= notice.DueAt && time.GetUtcNow() - quietSince >= Quiet)
            {
                return [$"The instance ran its work due at {notice.DueAt:O}."];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellation).ConfigureAwait(false);
        }

        return [$"The work due at {notice.DueAt:O} had not finished after {LongestWait.TotalMinutes} minutes; the worker goes on with it while the app runs."];
    }

    /// <summary>The queue message: the host passes it as a string, or as the JSON it contains.</summary>
    private static string? Message(InvocationRequest request) =>
        request.Data is { } data && data.TryGetValue(FunctionManifest.WakeUpBinding, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
