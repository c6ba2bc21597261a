using Microsoft.DurableTask;

namespace Workflows.Steps;

/// <summary>An activity with a result, run with the key its orchestrator gave the call (see <see cref="Keyed{T}"/>).</summary>
public abstract class KeyedActivity<TInput, TOutput> : TaskActivity<Keyed<TInput>, TOutput>
{
    /// <inheritdoc />
    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, Keyed<TInput> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return RunAsync(new ActivityCall(context.InstanceId, input.Key), input.Value);
    }

    /// <summary>Runs the activity for one call.</summary>
    protected abstract Task<TOutput> RunAsync(ActivityCall context, TInput input);
}

/// <summary>An activity without a result, run with the key its orchestrator gave the call (see <see cref="Keyed{T}"/>).</summary>
public abstract class KeyedActivity<TInput> : TaskActivity<Keyed<TInput>, object?>
{
    /// <inheritdoc />
    public sealed override async Task<object?> RunAsync(TaskActivityContext context, Keyed<TInput> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await RunAsync(new ActivityCall(context.InstanceId, input.Key), input.Value).ConfigureAwait(false);
        return null;
    }

    /// <summary>Runs the activity for one call.</summary>
    protected abstract Task RunAsync(ActivityCall context, TInput input);
}
