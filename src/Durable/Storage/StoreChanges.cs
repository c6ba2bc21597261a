namespace Workflows.Durable.Storage;

/// <summary>What a store write changed, and so whom it should wake.</summary>
[Flags]
public enum StoreChanges
{
    /// <summary>Nothing anyone waits for.</summary>
    None = 0,

    /// <summary>Messages for orchestrations were added or released.</summary>
    OrchestrationWork = 1,

    /// <summary>Activities were added or released.</summary>
    ActivityWork = 2,

    /// <summary>Instance state changed.</summary>
    Instances = 4,
}
