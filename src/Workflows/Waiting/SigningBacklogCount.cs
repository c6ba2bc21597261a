using Microsoft.DurableTask.Client;
using Workflows.Onboarding;
using Workflows.Signing;
using Workflows.Telemetry;

namespace Workflows.Waiting;

/// <summary>
/// Counts the function descriptions waiting for a signature across all networks, from the onboardings' own statuses,
/// and hands the count to the metrics: how many wait for whom, and since when the longest has waited.
/// </summary>
public sealed class SigningBacklogCount(DurableTaskClient client, WorkflowsMetrics metrics, TimeProvider time)
{
    /// <summary>Counts now and reports it.</summary>
    public async Task<SigningBacklog> CountAsync(CancellationToken cancellation = default)
    {
        var now = time.GetUtcNow();
        var waiting = new Dictionary<SignerRole, (int Count, DateTimeOffset Since)>();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = OnboardingOrchestration.InstanceIdFor(string.Empty),
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
            FetchInputsAndOutputs = true,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellation).ConfigureAwait(false))
        {
            if (instance.ReadCustomStatusAs<OnboardingStatus>() is { Phase: OnboardingPhase.AwaitingSignature, WaitingFor: { } role } status)
            {
                // A status from before the time was kept: the instance's last update is the best known bound.
                var since = status.WaitingSince is { } asked ? new DateTimeOffset(DateTime.SpecifyKind(asked, DateTimeKind.Utc)) : instance.LastUpdatedAt;
                waiting[role] = waiting.TryGetValue(role, out var counted)
                    ? (counted.Count + 1, since < counted.Since ? since : counted.Since)
                    : (1, since);
            }
        }

        var backlog = new SigningBacklog(now, waiting);
        metrics.SignaturesCounted(backlog);
        return backlog;
    }
}
