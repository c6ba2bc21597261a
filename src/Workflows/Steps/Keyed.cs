using Microsoft.DurableTask;

namespace Workflows.Steps;

/// <summary>
/// An activity's input with the key its orchestrator gave this one call. Microsoft's activities have no task id of
/// their own, and an activity may be delivered more than once; its side effects (emails, documents, registry writes)
/// are made idempotent on this key. Part of every keyed activity's input: changing its shape breaks running instances.
/// </summary>
/// <param name="Key">Unique to the call, the same on every replay and delivery.</param>
/// <param name="Value">The activity's own input.</param>
public sealed record Keyed<T>(string Key, T Value);

/// <summary>Makes the key of an activity call, from the orchestration.</summary>
public static class Keyed
{
    /// <summary>
    /// Wraps <paramref name="value"/> with a new key: the instance id and the orchestration's next replay-safe GUID,
    /// so the same call gets the same key on every replay and no two calls share one.
    /// </summary>
    public static Keyed<T> For<T>(TaskOrchestrationContext context, T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Keyed<T>($"{context.InstanceId}:{context.NewGuid():N}", value);
    }
}
