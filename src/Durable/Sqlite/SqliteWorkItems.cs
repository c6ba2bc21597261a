using Core = DurableTask.Core;

namespace Workflows.Durable.Sqlite;

/// <summary>An orchestration work item with what the SQLite service needs to commit it: the messages it consumed and where its history stood.</summary>
internal sealed class SqliteOrchestrationWorkItem : Core.TaskOrchestrationWorkItem
{
    public required IReadOnlyList<long> MessageIds { get; init; }

    /// <summary>The backend's time when the work item was taken: the messages it holds were due then.</summary>
    public required long TakenAt { get; init; }

    public required string? StoredExecutionId { get; init; }

    public required int StoredHistoryCount { get; init; }
}

/// <summary>An activity work item with its row id.</summary>
internal sealed class SqliteActivityWorkItem : Core.TaskActivityWorkItem
{
    public required long RowId { get; init; }
}
