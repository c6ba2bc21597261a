namespace Workflows.Durable;

/// <summary>
/// Base class of an activity: the one place with side effects. Activities run at least once, so make them
/// idempotent using <see cref="TaskActivityContext.InstanceId"/> and <see cref="TaskActivityContext.TaskId"/>.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <inheritdoc />
    public Type OutputType => typeof(TOutput);

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity's context.</param>
    /// <param name="input">The deserialized input.</param>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
    }
}
