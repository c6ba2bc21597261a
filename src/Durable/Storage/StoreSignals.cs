namespace Workflows.Durable.Storage;

/// <summary>
/// In-process notifications a store raises after it commits, so a worker or a waiting client in the same
/// process reacts at once instead of polling.
/// </summary>
public sealed class StoreSignals
{
    /// <summary>Pulsed when new work may be due (or a timer's due time may have moved).</summary>
    public AsyncPulse WorkAvailable { get; } = new();

    /// <summary>Pulsed when any instance's state changed.</summary>
    public AsyncPulse InstanceChanged { get; } = new();

    /// <summary>Raises both signals.</summary>
    public void Notify()
    {
        WorkAvailable.Pulse();
        InstanceChanged.Pulse();
    }
}
