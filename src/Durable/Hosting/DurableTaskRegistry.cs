using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Durable;

/// <summary>
/// The orchestrators and activities a worker can run, by name. Types are created from dependency injection,
/// so activities take their services by constructor.
/// </summary>
public sealed class DurableTaskRegistry
{
    internal Dictionary<TaskName, Func<IServiceProvider, ITaskOrchestrator>> Orchestrators { get; } = [];

    internal Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> Activities { get; } = [];

    /// <summary>The names of the registered orchestrators.</summary>
    public IReadOnlyCollection<TaskName> OrchestratorNames => Orchestrators.Keys;

    /// <summary>The names of the registered activities.</summary>
    public IReadOnlyCollection<TaskName> ActivityNames => Activities.Keys;

    /// <summary>Registers an orchestrator class under its <see cref="DurableTaskAttribute"/> name or class name.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>() where TOrchestrator : class, ITaskOrchestrator =>
        AddOrchestrator(DurableTaskAttribute.NameOf(typeof(TOrchestrator)), typeof(TOrchestrator));

    /// <summary>Registers an orchestrator class under <paramref name="name"/>.</summary>
    public DurableTaskRegistry AddOrchestrator(TaskName name, Type type) => AddType(Orchestrators, name, type);

    /// <summary>Registers an orchestrator written as a function.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(
        TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return Add(Orchestrators, name, _ => new FuncOrchestrator<TInput, TOutput>(implementation));
    }

    /// <summary>Registers an orchestrator written as a function with no input and no result.</summary>
    public DurableTaskRegistry AddOrchestratorFunc(TaskName name, Func<TaskOrchestrationContext, Task> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddOrchestratorFunc<object?, object?>(name, async (context, _) =>
        {
            await implementation(context);
            return null;
        });
    }

    /// <summary>Registers an activity class under its <see cref="DurableTaskAttribute"/> name or class name.</summary>
    public DurableTaskRegistry AddActivity<TActivity>() where TActivity : class, ITaskActivity =>
        AddActivity(DurableTaskAttribute.NameOf(typeof(TActivity)), typeof(TActivity));

    /// <summary>Registers an activity class under <paramref name="name"/>.</summary>
    public DurableTaskRegistry AddActivity(TaskName name, Type type) => AddType(Activities, name, type);

    /// <summary>Registers an activity written as an asynchronous function.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return Add(Activities, name, _ => new FuncActivity<TInput, TOutput>(implementation));
    }

    /// <summary>Registers an activity written as a synchronous function.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivityFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(implementation(context, input)));
    }

    private DurableTaskRegistry AddType<T>(Dictionary<TaskName, Func<IServiceProvider, T>> registry, TaskName name, Type type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(T).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type.FullName} does not implement {typeof(T).Name}.", nameof(type));
        }

        return Add(registry, name, sp => (T)ActivatorUtilities.GetServiceOrCreateInstance(sp, type));
    }

    private DurableTaskRegistry Add<T>(Dictionary<TaskName, Func<IServiceProvider, T>> registry, TaskName name, Func<IServiceProvider, T> factory)
    {
        if (!registry.TryAdd(name, factory))
        {
            throw new ArgumentException($"A task named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
        : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => implementation(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => implementation(context, input);
    }
}
