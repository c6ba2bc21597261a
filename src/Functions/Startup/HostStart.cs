namespace Workflows.Functions.Startup;

/// <summary>The host's start, for work that must wait until the start-up work after the server is done.</summary>
internal static class HostStart
{
    /// <summary>Completes when the host has started; cancelled when it stops before that.</summary>
    public static Task WhenStarted(this IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        lifetime.ApplicationStopping.Register(() => started.TrySetCanceled());
        return started.Task;
    }
}
