namespace Workflows.Durable;

/// <summary>
/// A signal many can wait for: <see cref="Pulse"/> completes every wait taken before it. Take the wait before
/// looking for work, so a pulse between the look and the wait is not missed.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource current = New();

    public Task WaitAsync() => Volatile.Read(ref current).Task;

    public void Pulse() => Interlocked.Exchange(ref current, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
