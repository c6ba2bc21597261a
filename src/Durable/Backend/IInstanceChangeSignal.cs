namespace Workflows.Durable;

/// <summary>
/// Tells waiters in this process that some instance's state changed, so a wait for an instance to start or finish
/// looks again at once instead of on its next poll. A store without it is polled.
/// </summary>
internal interface IInstanceChangeSignal
{
    /// <summary>Completes at the next change of any instance's state made in this process.</summary>
    Task NextChangeAsync();
}
