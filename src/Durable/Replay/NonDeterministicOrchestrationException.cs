namespace Workflows.Durable;

/// <summary>
/// The orchestrator's code asked for something other than what its history recorded, so replay cannot
/// continue. Usually the code changed while instances were running.
/// </summary>
public sealed class NonDeterministicOrchestrationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
