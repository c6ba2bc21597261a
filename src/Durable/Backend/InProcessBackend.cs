using Grpc.Core;
using Workflows.Durable.Sidecar;
using P = Microsoft.DurableTask.Protobuf;

namespace Workflows.Durable;

/// <summary>The sidecar as Microsoft's worker and client in this process reach it: a call invoker straight onto its handlers.</summary>
internal sealed class InProcessBackend
{
    public InProcessBackend(SidecarService sidecar)
    {
        var handlers = InProcessCallInvoker.Collect(binder => P.TaskHubSidecarService.BindService(binder, sidecar));
        Invoker = new InProcessCallInvoker(handlers, TimeProvider.System);
    }

    /// <summary>What the SDK's <c>CallInvoker</c> option is set to.</summary>
    public CallInvoker Invoker { get; }
}
