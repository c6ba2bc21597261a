using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>The stored state of one orchestration instance.</summary>
public sealed record InstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The current execution's id; a new one begins at each start and each continue-as-new.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The runtime status.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>The input as JSON.</summary>
    public string? Input { get; init; }

    /// <summary>The output as JSON.</summary>
    public string? Output { get; init; }

    /// <summary>The custom status as JSON.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The parent, for a sub-orchestration.</summary>
    public ParentInstance? Parent { get; init; }

    /// <summary>Incremented by every commit; the optimistic-concurrency check.</summary>
    public long Version { get; init; }

    /// <summary>Converts to the client's metadata.</summary>
    public OrchestrationMetadata ToMetadata(bool withPayloads) => new(Name, InstanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
        SerializedInput = withPayloads ? Input : null,
        SerializedOutput = withPayloads ? Output : null,
        SerializedCustomStatus = withPayloads ? CustomStatus : null,
        FailureDetails = Failure,
    };
}
