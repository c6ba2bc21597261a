namespace Workflows.Durable;

/// <summary>
/// Base class of an orchestrator: deterministic code that is replayed from history. It may only talk to the
/// outside world through its <see cref="TaskOrchestrationContext"/> (activities, timers, events).
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <inheritdoc />
    public Type OutputType => typeof(TOutput);

    /// <summary>Runs the orchestration.</summary>
    /// <param name="context">The orchestration's context.</param>
    /// <param name="input">The deserialized input.</param>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await RunAsync(context, input is null ? default! : (TInput)input);
    }
}
