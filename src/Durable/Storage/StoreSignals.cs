namespace Workflows.Durable.Storage;

/// <summary>
/// In-process notifications a store raises after it commits, so a worker or a waiting client in the same
/// process reacts at once instead of polling. Separate pulses keep each loop from waking for the other's work.
/// </summary>
public sealed class StoreSignals
{
    /// <summary>Pulsed when orchestration messages may be due (or a timer's due time may have moved).</summary>
    public AsyncPulse OrchestrationWork { get; } = new();

    /// <summary>Pulsed when activities may be due.</summary>
    public AsyncPulse ActivityWork { get; } = new();

    /// <summary>Pulsed when any instance's state changed.</summary>
    public AsyncPulse InstanceChanged { get; } = new();

    /// <summary>Raises the pulses named by <paramref name="changes"/>.</summary>
    public void Notify(StoreChanges changes)
    {
        if (changes.HasFlag(StoreChanges.OrchestrationWork))
        {
            OrchestrationWork.Pulse();
        }

        if (changes.HasFlag(StoreChanges.ActivityWork))
        {
            ActivityWork.Pulse();
        }

        if (changes.HasFlag(StoreChanges.Instances))
        {
            InstanceChanged.Pulse();
        }
    }
}
