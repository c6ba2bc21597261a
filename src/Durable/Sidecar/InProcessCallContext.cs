using Grpc.Core;

namespace Workflows.Durable.Sidecar;

/// <summary>The server side of one in-process call: cancelled when the caller cancels, its deadline passes, or it disposes the call.</summary>
internal sealed class InProcessCallContext : ServerCallContext, IDisposable
{
    private readonly string method;
    private readonly CallOptions options;
    private readonly CancellationTokenSource cancellation;

    public InProcessCallContext(string method, CallOptions options, TimeProvider wallClock, OrchestrationSessions? sessions = null)
    {
        Sessions = sessions;
        this.method = method;
        this.options = options;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var left = deadline.ToUniversalTime() - wallClock.GetUtcNow().UtcDateTime;
            cancellation.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    /// <summary>Where the calling worker's orchestrations run in this process, when the caller is such a worker.</summary>
    public OrchestrationSessions? Sessions { get; }

    /// <summary>Turns an unexpected exception into the status a network caller would see.</summary>
    public RpcException Fail(Exception exception)
    {
        StatusCore = exception is OperationCanceledException && cancellation.IsCancellationRequested
            ? new Status(StatusCode.Cancelled, "The call was cancelled.")
            : new Status(StatusCode.Internal, exception.Message, exception);
        return new RpcException(StatusCore);
    }

    public void Dispose()
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        cancellation.Dispose();
    }

    protected override string MethodCore => method;

    protected override string HostCore => "in-process";

    protected override string PeerCore => "in-process";

    protected override DateTime DeadlineCore => options.Deadline ?? DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => options.Headers ?? [];

    protected override CancellationToken CancellationTokenCore => cancellation.Token;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, new Dictionary<string, List<AuthProperty>>());

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? propagationOptions) =>
        throw new NotSupportedException("Calls from the sidecar to other services are not propagated in process.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
