using Grpc.Core;

namespace Workflows.Durable.Sidecar;

/// <summary>
/// Calls a gRPC service's handlers directly in this process: no socket, no HTTP/2, no serialization. Microsoft's
/// worker and client accept a <see cref="CallInvoker"/>, so they talk to the sidecar exactly as they would over the
/// network, for the price of a method call. Unary and server-streaming methods are served, as the sidecar protocol
/// has no other kinds.
/// </summary>
internal sealed class InProcessCallInvoker : CallInvoker
{
    private readonly IReadOnlyDictionary<string, Delegate> handlers;
    private readonly TimeProvider wallClock;
    private readonly OrchestrationSessions? sessions;

    public InProcessCallInvoker(IReadOnlyDictionary<string, Delegate> handlers, TimeProvider wallClock, OrchestrationSessions? sessions = null)
    {
        this.handlers = handlers;
        this.wallClock = wallClock;
        this.sessions = sessions;
    }

    /// <summary>The handlers of a generated service's <c>BindService(ServiceBinderBase, TService)</c>, by method name.</summary>
    public static IReadOnlyDictionary<string, Delegate> Collect(Action<ServiceBinderBase> bind)
    {
        var binder = new HandlerCollector();
        bind(binder);
        return binder.Handlers;
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var handler = Find<UnaryServerMethod<TRequest, TResponse>>(method);
        var context = new InProcessCallContext(method.FullName, options, wallClock, sessions);
        var response = RunUnaryAsync(handler, request, context);
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => context.Status, () => context.ResponseTrailers, context.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var handler = Find<ServerStreamingServerMethod<TRequest, TResponse>>(method);
        var context = new InProcessCallContext(method.FullName, options, wallClock, sessions);
        var stream = new InProcessResponseStream<TResponse>(context);
        _ = RunStreamingAsync(handler, request, stream, context);
        return new AsyncServerStreamingCall<TResponse>(stream, Task.FromResult(new Metadata()), () => context.Status, () => context.ResponseTrailers, context.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"{method.FullName} is not served in process."));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"{method.FullName} is not served in process."));

    private T Find<T>(IMethod method)
        where T : Delegate =>
        handlers.TryGetValue(method.FullName, out var handler) && handler is T typed
            ? typed
            : throw new RpcException(new Status(StatusCode.Unimplemented, $"{method.FullName} is not served in process."));

    private static async Task<TResponse> RunUnaryAsync<TRequest, TResponse>(UnaryServerMethod<TRequest, TResponse> handler, TRequest request, InProcessCallContext context)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            return await handler(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw context.Fail(ex);
        }
    }

    private static async Task RunStreamingAsync<TRequest, TResponse>(
        ServerStreamingServerMethod<TRequest, TResponse> handler, TRequest request, InProcessResponseStream<TResponse> stream, InProcessCallContext context)
        where TRequest : class
        where TResponse : class
    {
        // The caller gets its call object back before the handler runs, as it would over a network.
        await Task.Yield();
        try
        {
            await handler(request, stream, context).ConfigureAwait(false);
            stream.Complete(null);
        }
        catch (RpcException ex)
        {
            stream.Complete(ex);
        }
        catch (Exception ex)
        {
            stream.Complete(context.Fail(ex));
        }
    }

    private sealed class HandlerCollector : ServiceBinderBase
    {
        public Dictionary<string, Delegate> Handlers { get; } = new(StringComparer.Ordinal);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is not null)
            {
                Handlers[method.FullName] = handler;
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is not null)
            {
                Handlers[method.FullName] = handler;
            }
        }
    }
}
