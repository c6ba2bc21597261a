using Core = DurableTask.Core;

namespace Workflows.Durable;

/// <summary>
/// The orchestration service the backend runs on, with its client and history sides, and where due work is noticed
/// (if anywhere). <paramref name="ConfirmsCommits"/>: a turn whose completion returned is in the store. Extended
/// sessions rely on it; DurableTask.AzureStorage does not promise it (a turn completed after its partition moved to
/// another worker returns without writing anything), so its turns replay from the stored history.
/// </summary>
internal sealed record BackendServices(
    Core.IOrchestrationService Service, Core.IOrchestrationServiceClient Client, IOrchestrationHistoryReader History, IDueWorkNotices? Notices = null, bool ConfirmsCommits = false);
