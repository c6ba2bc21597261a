using H = DurableTask.Core.History;

namespace Workflows.Durable;

/// <summary>
/// Reads an instance's history as events. <c>IOrchestrationServiceClient</c> only offers it as provider-specific
/// JSON, so each service the backend runs on gives it this way for the protocol's history stream.
/// </summary>
internal interface IOrchestrationHistoryReader
{
    /// <summary>The current execution's history, oldest first; empty for an unknown instance.</summary>
    Task<IReadOnlyList<H.HistoryEvent>> ReadHistoryAsync(string instanceId, CancellationToken cancellation);
}
