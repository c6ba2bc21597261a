namespace Workflows.Durable.Storage;

/// <summary>
/// A wake-up signal with no lost wake-ups: take <see cref="WaitAsync"/> before checking for work, then await
/// it; a <see cref="Pulse"/> in between completes it.
/// </summary>
public sealed class AsyncPulse
{
    private TaskCompletionSource waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next pulse.</summary>
    public Task WaitAsync() => Volatile.Read(ref waiter).Task;

    /// <summary>Wakes everyone waiting.</summary>
    public void Pulse() =>
        Interlocked.Exchange(ref waiter, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
