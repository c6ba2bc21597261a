namespace Workflows.Durable;

/// <summary>Where an orchestration instance is in its life. Values match Microsoft.DurableTask's.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Started and not finished.</summary>
    Running = 0,

    /// <summary>Finished with a result.</summary>
    Completed = 1,

    /// <summary>Restarted with new input; seen only briefly.</summary>
    ContinuedAsNew = 2,

    /// <summary>Finished with an error.</summary>
    Failed = 3,

    /// <summary>Kept for compatibility; not used.</summary>
    Canceled = 4,

    /// <summary>Stopped by an operator.</summary>
    Terminated = 5,

    /// <summary>Scheduled and not yet started.</summary>
    Pending = 6,

    /// <summary>Paused by an operator; events wait until it is resumed.</summary>
    Suspended = 7,
}
