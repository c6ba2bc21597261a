using System.Threading.Channels;
using Grpc.Core;

namespace Workflows.Durable.Sidecar;

/// <summary>A server stream handed from the handler (writer side) to the caller (reader side) through a channel.</summary>
internal sealed class InProcessResponseStream<T> : IServerStreamWriter<T>, IAsyncStreamReader<T>
{
    private readonly Channel<T> channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InProcessCallContext context;

    public InProcessResponseStream(InProcessCallContext context) => this.context = context;

    public WriteOptions? WriteOptions { get; set; }

    public T Current { get; private set; } = default!;

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (context.CancellationToken.IsCancellationRequested || cancellationToken.IsCancellationRequested || !channel.Writer.TryWrite(message))
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "The caller is gone."));
        }

        return Task.CompletedTask;
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            if (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && channel.Reader.TryRead(out var item))
            {
                Current = item;
                return true;
            }
        }
        catch (OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        return false;
    }

    public void Complete(Exception? error) => channel.Writer.TryComplete(error);
}
