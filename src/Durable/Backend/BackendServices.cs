using Core = DurableTask.Core;

namespace Workflows.Durable;

/// <summary>The orchestration service the backend runs on, with its client and history sides, and where due work is noticed (if anywhere).</summary>
internal sealed record BackendServices(Core.IOrchestrationService Service, Core.IOrchestrationServiceClient Client, IOrchestrationHistoryReader History, IDueWorkNotices? Notices = null);
