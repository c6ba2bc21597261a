using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Durable.Sidecar;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable;

/// <summary>The sidecar as Microsoft's worker and client in this process reach it: a call invoker straight onto its handlers.</summary>
internal sealed class InProcessBackend : IDisposable
{
    /// <summary>How long an orchestration stays in memory after its last turn; a later turn replays its history.</summary>
    private static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyDictionary<string, Delegate> handlers;
    private readonly List<OrchestrationSessions> sessions = [];

    public InProcessBackend(SidecarService sidecar)
    {
        handlers = InProcessCallInvoker.Collect(binder => P.TaskHubSidecarService.BindService(binder, sidecar));
        Invoker = new InProcessCallInvoker(handlers, TimeProvider.System);
    }

    /// <summary>What the SDK client's <c>CallInvoker</c> option is set to.</summary>
    public CallInvoker Invoker { get; }

    /// <summary>
    /// What the SDK worker named <paramref name="workerName"/> calls: the same handlers, and its orchestrators run in
    /// extended sessions here instead of being replayed by the worker on every turn.
    /// </summary>
    public CallInvoker WorkerInvoker(string workerName, IServiceProvider services)
    {
        var worker = new OrchestrationSessions(
            services.GetRequiredService<IOptionsMonitor<DurableTaskRegistry>>().Get(workerName),
            services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(workerName),
            services,
            SessionIdleTimeout,
            services.GetRequiredService<ILoggerFactory>());
        lock (sessions)
        {
            sessions.Add(worker);
        }

        return new InProcessCallInvoker(handlers, TimeProvider.System, worker);
    }

    public void Dispose()
    {
        lock (sessions)
        {
            sessions.ForEach(s => s.Dispose());
            sessions.Clear();
        }
    }
}
