namespace Workflows.Durable.Storage;

/// <summary>The kind of work a <see cref="WorkNotice"/> points at.</summary>
public enum WorkNoticeKind
{
    /// <summary>An orchestration episode.</summary>
    Orchestration,

    /// <summary>Activities.</summary>
    Activity,
}
