namespace Workflows.Waiting;

/// <summary>What "send reminder now" did.</summary>
public enum ReminderOutcome
{
    /// <summary>The next reminder is on its way.</summary>
    Sent,

    /// <summary>Another reminder went after the one the operator saw; nothing more was sent.</summary>
    AlreadyReminded,

    /// <summary>The orchestration is paused, finished, or waits on nobody it can remind; nothing was sent.</summary>
    NotWaiting,
}
