using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Events;

/// <summary>Reads a wheel event's link: its token, the orchestration it belongs to, that orchestration's event and network.</summary>
public sealed class WheelLinks(WorkflowLinks links, DurableTaskClient client, NetworkRegistry registry)
{
    /// <summary>
    /// The link's target; otherwise why it is refused: <see cref="LinkOutcome.Forged"/> for a token we did not make
    /// (or made for another purpose), <see cref="LinkOutcome.Closed"/> when its orchestration or network is gone.
    /// </summary>
    public async Task<(WheelLinkTarget? Target, LinkOutcome Refused)> ReadAsync(string token, string purpose, CancellationToken cancellation = default)
    {
        if (links.Open(token, purpose) is not { } link)
        {
            return (null, LinkOutcome.Forged);
        }

        var instance = await client.GetInstanceAsync(link.Claim.InstanceId, getInputsAndOutputs: true, cancellation).ConfigureAwait(false);
        var occurrence = instance?.ReadInputAs<WheelOccurrence>();
        var network = occurrence is null ? null : await registry.FindAsync<CompetenceNetwork>(occurrence.NetworkId, cancellation).ConfigureAwait(false);
        return instance is null || occurrence is null || network is null
            ? (null, LinkOutcome.Closed)
            : (new WheelLinkTarget(link.Expired, link.Claim, instance, occurrence, network.Entity), LinkOutcome.Ready);
    }

    /// <inheritdoc cref="WorkflowLinks.IsSpentAsync"/>
    public Task<bool> IsSpentAsync(string tokenId, CancellationToken cancellation = default) => links.IsSpentAsync(tokenId, cancellation);

    /// <inheritdoc cref="WorkflowLinks.TrySpendAsync"/>
    public Task<bool> TrySpendAsync(string tokenId, CancellationToken cancellation = default) => links.TrySpendAsync(tokenId, cancellation);
}
