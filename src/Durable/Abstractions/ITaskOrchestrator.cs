namespace Workflows.Durable;

/// <summary>The untyped shape the engine runs; implement <see cref="TaskOrchestrator{TInput,TOutput}"/> instead.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>The type of the result.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestration.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
