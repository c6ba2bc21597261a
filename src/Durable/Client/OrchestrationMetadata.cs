namespace Workflows.Durable;

/// <summary>What the store knows about one orchestration instance.</summary>
public sealed class OrchestrationMetadata
{
    /// <summary>Creates metadata.</summary>
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    /// <summary>The orchestrator's name.</summary>
    public string Name { get; }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The input as JSON; null unless inputs and outputs were asked for.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The output as JSON; null unless asked for and finished.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The custom status as JSON; null unless asked for or never set.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why it failed, for a failed instance.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>True while the instance runs (running, pending or suspended).</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    /// <summary>True when the instance has finished.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    /// <summary>Reads the input as <typeparamref name="T"/>.</summary>
    public T? ReadInputAs<T>() => JsonDataConverter.Default.Deserialize<T>(SerializedInput);

    /// <summary>Reads the output as <typeparamref name="T"/>.</summary>
    public T? ReadOutputAs<T>() => JsonDataConverter.Default.Deserialize<T>(SerializedOutput);

    /// <summary>Reads the custom status as <typeparamref name="T"/>.</summary>
    public T? ReadCustomStatusAs<T>() => JsonDataConverter.Default.Deserialize<T>(SerializedCustomStatus);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {InstanceId}: {RuntimeStatus}";
}
