using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Workflows.Functions.Dashboard;

/// <summary>
/// Suspend, resume, terminate and events are messages the worker applies a moment later; a page that sent one waits
/// (at most twenty polls of 100 ms on the host's clock) for the change, so it shows the state the operator asked for.
/// </summary>
public static class InstanceSettling
{
    /// <summary>Polls the instance until <paramref name="settled"/> holds, it is gone, or two seconds have passed.</summary>
    public static async Task UntilAsync(
        DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> settled, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settled);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false) is not { } instance || settled(instance))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellation).ConfigureAwait(false);
        }
    }
}
